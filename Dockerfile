# Amicus: the Telegram bot in a slim, non-root image.
# Build: docker build -t amicus .   Run: docker run --env-file amicus.env -v amicus-data:/data amicus
FROM python:3.11-slim-bookworm AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY conversations ./conversations
COPY knowledge ./knowledge
COPY storage ./storage
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

FROM python:3.11-slim-bookworm
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    AMICUS_DATABASE_URL=sqlite:////data/amicus.db
RUN useradd --system --uid 10001 --home-dir /data --create-home amicus
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels
USER 10001
WORKDIR /data
VOLUME ["/data"]
ENTRYPOINT ["amicus"]
CMD ["run"]
