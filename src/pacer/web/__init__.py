"""The web dashboard (`pacer serve`): pages over pacer.service, for the phone and the desk."""
