"""``criticscope serve``: the REST API and web UI with uvicorn."""

from __future__ import annotations

import click

from ..cli_common import get_library


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--api-key", envvar="CRITICSCOPE_API__API_KEY", help="Require this X-API-Key on write endpoints.")
@click.option("--get", "get_path", metavar="PATH", help="Answer one GET request in-process, print it and exit.")
@click.pass_context
def serve(ctx, host: str, port: int, api_key: str | None, get_path: str | None) -> None:
    """Serve the REST API (/api/v1, docs at /api/v1/docs) and the web UI."""
    from ..api import create_app

    lib = get_library(ctx)
    if api_key:
        lib.settings.api.api_key = api_key
    app = create_app(lib.settings, library=lib)
    if get_path:
        from fastapi.testclient import TestClient

        with TestClient(app) as client:
            resp = client.get(get_path)
        click.echo(resp.text)
        ctx.exit(0 if resp.status_code < 400 else 1)
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="info")
