"""`python -m helpcentre check`: every mistake in policies.yaml and content/, without building the site."""

import sys

from helpcentre.review.check_command import main

sys.exit(main())
