"""The web UI's building blocks: page data (the JSON twins), highlighted review text,
the server-rendered rating chart and the Jinja environment.  :mod:`criticscope.web`
wires them onto the FastAPI app."""
