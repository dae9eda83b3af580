"""Writing tables for spreadsheets: CSV cell neutralising (`cells`) and `.xlsx` (`xlsx`)."""
