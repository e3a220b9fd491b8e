"""The JSON state files the drill clients keep for their probes: written whole (rename), read leniently."""
import json
import os


def save(path, state):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(state, f)
    os.replace(tmp, path)


def load(path):
    """The state, or {} before the client wrote any."""
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}
