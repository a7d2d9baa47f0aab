"""``criticscope serve``: the REST API and web UI with uvicorn."""

from __future__ import annotations

import os

import click

from ..cli_common import get_library


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes (each keeps its own aggregate cache); about one per CPU core.")
@click.option("--api-key", envvar="CRITICSCOPE_API__API_KEY", help="Require this X-API-Key on write endpoints.")
@click.option("--get", "get_path", metavar="PATH", help="Answer one GET request in-process, print it and exit.")
@click.pass_context
def serve(ctx, host: str, port: int, workers: int, api_key: str | None, get_path: str | None) -> None:
    """Serve the REST API (/api/v1, docs at /api/v1/docs) and the web UI."""
    from ..api import create_app

    lib = get_library(ctx)
    if api_key:
        lib.settings.api.api_key = api_key
    import uvicorn

    if workers > 1 and not get_path:
        # Worker processes build their own app from the environment: pass this invocation's choices on.
        os.environ["CRITICSCOPE_DB"] = lib.settings.db_url
        config = getattr(ctx.find_root().obj, "config", None)
        if config:
            os.environ["CRITICSCOPE_CONFIG"] = str(config)
        if api_key:
            os.environ["CRITICSCOPE_API__API_KEY"] = api_key
        lib.close()
        uvicorn.run("criticscope.api:app_from_env", factory=True, host=host, port=port, workers=workers,
                    log_level="info")
        return
    app = create_app(lib.settings, library=lib)
    if get_path:
        from fastapi.testclient import TestClient

        with TestClient(app) as client:
            resp = client.get(get_path)
        click.echo(resp.text)
        ctx.exit(0 if resp.status_code < 400 else 1)
    uvicorn.run(app, host=host, port=port, log_level="info")
