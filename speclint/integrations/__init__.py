"""Glue for the places speclint runs: the GitHub Action (`action.yml` runs `github_action`)."""
