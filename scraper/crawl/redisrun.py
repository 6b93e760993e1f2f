"""The shared state of a crawl through Redis (``meetarchive crawl --redis``, ``meetarchive
store``): the key names, the run's life, the workers' heartbeats and the requests each holds.

One run per Redis database (the URL's ``/DB``). The first process to arrive opens it (a run that
was finished, or none, is cleared and opened afresh); the store closes it when it is finished:
every start of every spider read, no request queued or held by a worker, no item waiting or held
by the store. Every step that moves a request or an item between keys is one Lua script, so a
process killed at any moment leaves each request and item in exactly one place:

* ``requests:<spider>`` (sorted set, scrapy-redis' priority queue format) -> popped into
  ``inflight:<spider>|<worker>`` (hash: request -> score) -> removed once the engine is done with it
  (its items pushed, its links queued); a worker restarted under the same name, or one whose
  heartbeat expired (the store looks), gives its held requests back to the queue;
* ``items`` (list) -> ``items:processing`` (the store's hash, by item id) -> removed once the
  archive committed it;
  a restarted store gives its held items back first.
"""

from __future__ import annotations

import os
import socket
import time
import uuid
from typing import Any

from scraper.errors import MeetarchiveError

PREFIX = "meetarchive:"
RUN = PREFIX + "run"  # hash: id, state (running | finished), spider (the first worker's)
SPIDERS = PREFIX + "spiders"  # set: spiders (queue names) of the run
STARTS = PREFIX + "starts"  # set: start keys (one per spider and arguments)
WORKERS = PREFIX + "workers"  # set: "<spider>|<worker>"
ITEMS = PREFIX + "items"  # list: items (ITEM_ID_BYTES of id, then the pickle), pushed left
ITEMS_PROCESSING = PREFIX + "items:processing"  # hash: id -> item the store holds, not committed
ITEM_ID_BYTES = 16
STATS = PREFIX + "stats"  # hash: the workers' counters the store's summary adds

HEARTBEAT_SECONDS = 0.25  # how often a worker says it is alive and looks at the queue
HEARTBEAT_TTL_MS = 15000  # a worker silent this long is taken for dead: its requests are requeued


class RedisUnavailable(MeetarchiveError):
    """Redis cannot be reached or the URL is no Redis URL (one line)."""


def requests_key(spider: str) -> str:
    return f"{PREFIX}requests:{spider}"


def seen_key(spider: str) -> str:
    return f"{PREFIX}seen:{spider}"


def start_key(spider: str, args: dict[str, str]) -> str:
    shown = ",".join(f"{k}={v}" for k, v in sorted(args.items()))
    return f"{PREFIX}start:{spider}:{shown}"


def member(spider: str, worker: str) -> str:
    return f"{spider}|{worker}"


def worker_of(crawler: Any) -> str:
    """The member name of a worker's crawler: ``<spider>|<worker>``."""
    return member(crawler.spider.name, crawler.settings["REDIS_WORKER"])


def heartbeat_key(who: str) -> str:
    return f"{PREFIX}heartbeat:{who}"


def inflight_key(who: str) -> str:
    return f"{PREFIX}inflight:{who}"


def connect(url: str) -> Any:
    """A client for ``redis://HOST:PORT/DB`` (also ``rediss://``, ``unix://``), checked with a
    PING; RedisUnavailable when that fails."""
    import redis

    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise RedisUnavailable(f"not a Redis URL: {url!r} (redis://HOST:PORT/DB)")
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=5, health_check_interval=30)
        client.ping()
    except (redis.RedisError, ValueError, OSError) as exc:
        raise RedisUnavailable(f"cannot reach Redis at {url}: {exc}") from None
    return client


# -- the run -------------------------------------------------------------------------------------

_OPEN_RUN = """
if redis.call('HGET', KEYS[1], 'state') == 'running' then
  return redis.call('HGET', KEYS[1], 'id')
end
local old = redis.call('KEYS', ARGV[2] .. '*')
for i = 1, #old, 500 do
  redis.call('DEL', unpack(old, i, math.min(i + 499, #old)))
end
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'state', 'running', 'opened', ARGV[3])
return ARGV[1]
"""


def open_run(client: Any) -> str:
    """The id of the running run, opened now (the keys of a finished one cleared) if none is."""
    new = uuid.uuid4().hex[:12]
    found = client.eval(_OPEN_RUN, 1, RUN, new, PREFIX, str(time.time()))
    return found.decode() if isinstance(found, bytes) else str(found)


def run_state(client: Any) -> tuple[str | None, str | None]:
    """(id, state) of the run in this database; (None, None) when there is none."""
    found = client.hmget(RUN, "id", "state")
    return tuple(v.decode() if v is not None else None for v in found)  # type: ignore[return-value]


def run_spider(client: Any, say: Any = None) -> str:
    """The spider of the run: the first worker's (waits for one to join)."""
    said = False
    while (spider := client.hget(RUN, "spider")) is None:
        if say is not None and not said:
            say("waiting for a worker to join the run (meetarchive crawl SPIDER --redis URL)")
            said = True
        time.sleep(0.2)
    return str(spider.decode())


# -- workers -------------------------------------------------------------------------------------

_REQUEUE = """
local held = redis.call('HGETALL', KEYS[1])
for i = 1, #held, 2 do
  redis.call('ZADD', KEYS[2], held[i + 1], held[i])
end
redis.call('DEL', KEYS[1])
return #held / 2
"""


def requeue(client: Any, who: str) -> int:
    """Give the requests worker ``who`` held back to its spider's queue; how many."""
    spider = who.split("|", 1)[0]
    return int(client.eval(_REQUEUE, 2, inflight_key(who), requests_key(spider)))


def new_token() -> str:
    """What a worker process's heartbeat holds: ``<host>:<pid>:<random>``."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:12]}"


def dead_here(token: str) -> bool:
    """Whether ``token`` is the heartbeat of a process of this machine that runs no more."""
    host, _, rest = token.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:  # it exists (another user's)
        return False
    return False


_TAKE_OVER = """
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
"""


def wait_for_silence(client: Any, who: str, token: str, say: Any = None) -> None:
    """Wait until no other live process holds the name ``who``, then take the name. An earlier
    process of this machine that runs no more (killed) is taken over at once; one elsewhere
    when its heartbeat expires."""
    said = False
    while not client.set(heartbeat_key(who), token, nx=True, px=HEARTBEAT_TTL_MS):
        held = client.get(heartbeat_key(who))
        if held is not None and dead_here(held.decode(errors="replace")):
            client.eval(_TAKE_OVER, 1, heartbeat_key(who), held)
            continue
        if say is not None and not said:
            say(
                f"worker {who.split('|', 1)[1]!r} is alive, or was killed on another machine: "
                f"waiting up to {HEARTBEAT_TTL_MS / 1000:g} s for its heartbeat to expire"
            )
            said = True
        time.sleep(0.25)


def join(client: Any, spider: str, worker: str, say: Any = None) -> tuple[str, str]:
    """Join (or open) the run as worker ``worker`` of ``spider``: wait for an earlier process of
    the same name to be gone, give back what it held, register. Returns (run id, token)."""
    who, token = member(spider, worker), new_token()
    run_id = open_run(client)
    wait_for_silence(client, who, token, say)
    requeue(client, who)
    free_slots(client)
    client.sadd(SPIDERS, spider)
    client.sadd(WORKERS, who)
    client.hsetnx(RUN, "spider", spider)
    return run_id, token


def beat(client: Any, who: str, token: str) -> bool:
    """Renew the heartbeat; False when another process took the name (this one was presumed
    dead)."""
    script = """
    local now = redis.call('GET', KEYS[1])
    if now and now ~= ARGV[1] then return 0 end
    redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
    redis.call('SADD', KEYS[2], ARGV[3])
    return 1
    """
    return bool(client.eval(script, 2, heartbeat_key(who), WORKERS, token, HEARTBEAT_TTL_MS, who))


def leave(client: Any, who: str, token: str) -> None:
    """A worker stopping cleanly: its requests back to the queue, its name free."""
    requeue(client, who)
    script = """
    if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
    return 1
    """
    client.eval(script, 1, heartbeat_key(who), token)


_REAP = """
local reaped = 0
for _, who in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if redis.call('EXISTS', ARGV[1] .. 'heartbeat:' .. who) == 0 then
    local spider = string.match(who, '^([^|]*)')
    local held = redis.call('HGETALL', ARGV[1] .. 'inflight:' .. who)
    for i = 1, #held, 2 do
      redis.call('ZADD', ARGV[1] .. 'requests:' .. spider, held[i + 1], held[i])
    end
    redis.call('DEL', ARGV[1] .. 'inflight:' .. who)
    redis.call('SREM', KEYS[1], who)
    reaped = reaped + #held / 2
  end
end
return reaped
"""


def reap(client: Any) -> int:
    """Requeue the requests of workers whose heartbeat expired (killed, not restarted); how many.
    Frees the host slots they held (``scraper.crawl.redisslots``) too."""
    reaped = int(client.eval(_REAP, 1, WORKERS, PREFIX))
    free_slots(client)
    return reaped


_FREE_SLOT = """
local freed = 0
for _, holder in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local who, token = string.match(holder, '^(.*)#([^#/]*)/')
  if not who or redis.call('GET', ARGV[1] .. 'heartbeat:' .. who) ~= token then
    redis.call('ZREM', KEYS[1], holder)
    freed = freed + 1
  end
end
return freed
"""


def free_slots(client: Any) -> int:
    """Free the host slots (``scraper.crawl.redisslots``) held by processes no longer alive: a
    slot's holders are ``<worker>#<token>/<n>``, alive while the worker's heartbeat holds that
    token. So a request of a killed worker does not keep its host waiting until the slot
    expires (its restart, or the store seeing its heartbeat expire, frees it)."""
    freed = 0
    for key in client.scan_iter(match=PREFIX + "slot:*:busy", count=500):
        freed += int(client.eval(_FREE_SLOT, 1, key, PREFIX))
    return freed


# -- start requests ------------------------------------------------------------------------------

_CLAIM_START = """
local by = redis.call('HGET', KEYS[1], 'by')
if not by then
  redis.call('HSET', KEYS[1], 'by', ARGV[1], 'done', '0')
  redis.call('SADD', KEYS[2], KEYS[1])
  return 1
end
if by == ARGV[1] and redis.call('HGET', KEYS[1], 'done') == '0' then return 1 end
return 0
"""


def claim_start(client: Any, key: str, who: str) -> bool:
    """Whether this worker reads the spider's start (the first to ask, or the same worker again
    when it was killed before it had read all of it)."""
    return bool(client.eval(_CLAIM_START, 2, key, STARTS, who))


def start_done(client: Any, key: str) -> None:
    client.hset(key, "done", "1")


# -- finishing -----------------------------------------------------------------------------------

_FINISHED = """
if redis.call('HGET', KEYS[1], 'state') ~= 'running' then return 0 end
if redis.call('SCARD', KEYS[2]) == 0 then return 0 end
for _, key in ipairs(redis.call('SMEMBERS', KEYS[3])) do
  if redis.call('HGET', key, 'done') ~= '1' then return 0 end
end
for _, spider in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  if redis.call('ZCARD', ARGV[1] .. 'requests:' .. spider) > 0 then return 0 end
end
for _, who in ipairs(redis.call('SMEMBERS', KEYS[4])) do
  if redis.call('HLEN', ARGV[1] .. 'inflight:' .. who) > 0 then return 0 end
end
if redis.call('LLEN', KEYS[5]) > 0 or redis.call('HLEN', KEYS[6]) > 0 then return 0 end
if redis.call('SCARD', KEYS[3]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'state', 'finished', 'finished', ARGV[2])
return 1
"""


def finish_if_done(client: Any) -> bool:
    """Close the run when it is finished (see the module's docstring); whether it was."""
    keys = (RUN, SPIDERS, STARTS, WORKERS, ITEMS, ITEMS_PROCESSING)
    return bool(client.eval(_FINISHED, len(keys), *keys, PREFIX, str(time.time())))
