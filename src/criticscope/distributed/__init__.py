"""The Dask engine behind ``criticscope.runner.analyze_distributed``: planning (``plan``),
worker tasks (``worker``), cross-process locks (``locks``), the input-order final pass
(``resolve``, ``relink``) and generated pages for tests and benchmarks (``synthetic``)."""
