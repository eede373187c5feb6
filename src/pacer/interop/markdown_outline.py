"""A Markdown document as sections of headings, lists and tables (markdown-it-py's syntax tree)."""

from __future__ import annotations

from dataclasses import dataclass, field

# typing costs a few ms at start-up and is only needed by the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from markdown_it.tree import SyntaxTreeNode


@dataclass
class Item:
    """A list item: its own text and the items of the lists nested in it."""

    text: str
    children: list[Item] = field(default_factory=list)

    def label(self) -> str:
        """`英语` of `英语：` or `English:` when the item is a label over nested items."""
        if self.children and self.text.endswith(("：", ":")):
            return self.text[:-1].strip()
        return ""

    def split(self) -> tuple[str, str]:
        """(`Listening`, `films`) of an item written `Listening: films`, else ('', text)."""
        for colon in ("：", ": "):
            head, found, rest = self.text.partition(colon)
            if found and head.strip() and rest.strip():
                return head.strip(), rest.strip()
        return "", self.text

    def flat(self, joiner: str) -> str:
        """The item and everything nested in it as one line."""
        if not self.children:
            return self.text
        inner = joiner.join(c.flat(joiner) for c in self.children)
        if not self.text:
            return inner
        if self.text.endswith("："):
            sep = ""
        elif self.text.endswith(":"):
            sep = " "
        else:
            sep = "：" if joiner == "、" else ": "
        return self.text + sep + inner


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]


@dataclass
class Section:
    """A heading and what follows it up to the next heading of the same or a higher level."""

    level: int
    title: str
    paragraphs: list[str] = field(default_factory=list)
    lists: list[list[Item]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    parent: Section | None = None

    def walk(self) -> list[Section]:
        out = [self]
        for c in self.children:
            out += c.walk()
        return out

    def ancestry(self) -> list[Section]:
        """This section, then its parents up to (not including) the document."""
        out: list[Section] = []
        s: Section | None = self
        while s is not None and s.level > 0:
            out.append(s)
            s = s.parent
        return out


def strip_front_matter(text: str) -> tuple[str, str]:
    """(front matter, body) of a document that opens with a `---` YAML block (Hexo, Jekyll)."""
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() in ("---", "..."):
                return "\n".join(lines[1:i]), "\n".join(lines[i + 1 :])
    return "", text


def parse(text: str) -> Section:
    """The document as a tree of sections (the root has level 0 and no title)."""
    from markdown_it import MarkdownIt
    from markdown_it.tree import SyntaxTreeNode

    md = MarkdownIt("commonmark").enable("table")
    tree = SyntaxTreeNode(md.parse(text))
    root = Section(0, "")
    stack = [root]
    for node in tree.children:
        if node.type == "heading":
            level = int(node.tag[1:])
            while stack[-1].level >= level:
                stack.pop()
            section = Section(level, inline_text(node), parent=stack[-1])
            stack[-1].children.append(section)
            stack.append(section)
            continue
        _add(stack[-1], node)
    return root


def _add(section: Section, node: SyntaxTreeNode) -> None:
    if node.type == "paragraph":
        section.paragraphs.append(inline_text(node))
    elif node.type in ("bullet_list", "ordered_list"):
        section.lists.append(_items(node))
    elif node.type == "table":
        section.tables.append(_table(node))
    elif node.type == "blockquote":
        for child in node.children:
            _add(section, child)


def inline_text(node: SyntaxTreeNode) -> str:
    """The plain text of a heading, paragraph or cell: emphasis and links dropped, breaks as
    spaces, runs of white space as one."""
    parts: list[str] = []

    def visit(n: SyntaxTreeNode) -> None:
        if n.type in ("text", "code_inline"):
            parts.append(n.content)
        elif n.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        for c in n.children:
            visit(c)

    visit(node)
    return " ".join("".join(parts).split())


def _items(node: SyntaxTreeNode) -> list[Item]:
    items = []
    for li in node.children:
        texts: list[str] = []
        children: list[Item] = []
        for part in li.children:
            if part.type == "paragraph":
                texts.append(inline_text(part))
            elif part.type in ("bullet_list", "ordered_list"):
                children += _items(part)
            elif part.type == "blockquote":
                children += [Item(inline_text(p)) for p in part.children if p.type == "paragraph"]
        items.append(Item(" ".join(t for t in texts if t), children))
    return items


def _table(node: SyntaxTreeNode) -> Table:
    header: list[str] = []
    rows: list[list[str]] = []
    for part in node.children:
        for tr in part.children:
            cells = [inline_text(cell) for cell in tr.children]
            if part.type == "thead":
                header = cells
            else:
                rows.append(cells)
    return Table(header, rows)
