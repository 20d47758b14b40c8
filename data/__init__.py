"""The chapter's data files, installed with lcbook as the package ``lcbook_data`` (read them via lcbook.data)."""
