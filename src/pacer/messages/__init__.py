"""Messages of the features beyond the daily commands, merged into the catalog."""
