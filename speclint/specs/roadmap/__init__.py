"""Roadmaps and traceability: phases, tasks, dependencies and requirement ids parsed from specs.

`parse` reads one document (any of the four dialects) into items; `graph` joins the documents
of a repository into one dependency graph with statuses, cycles and resolution hints.
"""
