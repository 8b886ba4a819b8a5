"""One module per CLI verb: VERB (optional), configure(parser), run(args) -> exit code."""
