# Scenario Explorer: one replica, serving the app on port 8501.
#   docker build -t scenario-explorer .
#   docker run --rm -p 8501:8501 scenario-explorer        # then open http://localhost:8501
# Several replicas: give each the same STREAMLIT_SERVER_COOKIE_SECRET (docs/deploy.md).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# jemalloc, and Python's objects allocated through it (PYTHONMALLOC=malloc): a closed session's
# memory goes back to the system. With CPython's own small-object allocator it stays (a few
# surviving objects pin each 1 MiB arena); jemalloc gives back any free page, from a background
# thread, within seconds. Measured in bench/RESULTS.md ("Memory across upload sessions").
RUN apt-get update \
    && apt-get install -y --no-install-recommends libjemalloc2 \
    && rm -rf /var/lib/apt/lists/*
ENV LD_PRELOAD=libjemalloc.so.2 \
    PYTHONMALLOC=malloc \
    MALLOC_CONF=background_thread:true,dirty_decay_ms:10000,muzzy_decay_ms:0

# An unprivileged user with no login shell; the app's files stay owned by root (read-only to it).
RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin app

WORKDIR /app

# Pinned dependencies first, so a content change does not reinstall them.
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt && pip check

# The app: entry point, code, content and the production Streamlit config.
COPY app.py ./
COPY explorer/ explorer/
COPY components/ components/
COPY scenarios/ scenarios/
COPY .streamlit/config.toml .streamlit/config.toml
# The app's own modules compiled now: the app user cannot write bytecode next to them, and
# compiling them on every start delays the first page.
RUN python -m compileall -q explorer components

USER app

# The shipped sets checked and parsed now, as the app user: their parsed YAML is kept in its
# cache folder (explorer/content/parsecache.py), so a new container's first page reads its
# default set as parsed instead of parsing it again; a set with problems fails the build.
RUN python -m explorer validate scenarios

EXPOSE 8501

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request as u; raise SystemExit(u.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).read() != b'ok')"]

# As the README runs it (`uv run streamlit run app.py`), headless and listening on every
# interface of the container.
CMD ["streamlit", "run", "app.py", "--server.headless=true", "--server.address=0.0.0.0", "--server.port=8501", "--server.fileWatcherType=none"]
