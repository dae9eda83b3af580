from boletin_tui.cli import main

raise SystemExit(main())
