# Amicus: the Telegram bot in a slim, non-root image.
# Build: docker build -t amicus .   Run: docker run --env-file amicus.env -v amicus-data:/data amicus
# Or with PostgreSQL and a webhook: docker compose up (compose.yaml).
#
# >>> BASE IMAGE NOT YET PINNED BY DIGEST <<<
# The base image must be pinned by digest (supply chain), but no registry was reachable
# where this file was written, and a digest is never guessed. Until PYTHON_BASE below
# carries one, pass it at build time with the digest of the official image, read from a
# machine that reaches Docker Hub:
#   docker buildx imagetools inspect python:3.11-slim-bookworm    (the "Digest:" line)
#   docker build --build-arg PYTHON_BASE=python:3.11-slim-bookworm@sha256:<that digest> .
ARG PYTHON_BASE=python:3.11-slim-bookworm

FROM ${PYTHON_BASE} AS build
WORKDIR /src
COPY requirements.lock pyproject.toml README.md ./
COPY bot ./bot
COPY conversations ./conversations
COPY knowledge ./knowledge
COPY storage ./storage
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

FROM ${PYTHON_BASE}
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    AMICUS_DATABASE_URL=sqlite:////data/amicus.db
RUN useradd --system --uid 10001 --home-dir /data --create-home amicus
# A CJK font, so the Chinese overview chart sent with /faq shows characters, not boxes.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-wqy-microhei \
    && rm -rf /var/lib/apt/lists/*
# Every dependency exactly as locked, each file checked against its hash; then Amicus
# itself, which adds none.
COPY requirements.lock /tmp/requirements.lock
RUN pip install --no-cache-dir --require-hashes --only-binary=:all: -r /tmp/requirements.lock \
    && rm /tmp/requirements.lock
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir --no-deps /wheels/*.whl && rm -rf /wheels
USER 10001
WORKDIR /data
VOLUME ["/data"]
# The webhook's port (amicus run --webhook URL --port 8443 --listen 0.0.0.0 in a container).
EXPOSE 8443
# The same check as GET /healthz: the database answers.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 CMD ["amicus", "health"]
ENTRYPOINT ["amicus"]
CMD ["run"]
