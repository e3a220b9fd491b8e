"""A minimal Redis (RESP2) client over one socket, for the drill clients (Python's standard library only)."""
import socket


class RedisError(Exception):
    """An error reply (`-ERR ...`) from the server."""


class Connection:
    def __init__(self, port, timeout=1.0):
        self.sock = socket.create_connection(("127.0.0.1", int(port)), timeout=timeout)
        self.file = self.sock.makefile("rb")

    def close(self):
        self.file.close()
        self.sock.close()

    def command(self, *args):
        parts = [f"*{len(args)}\r\n".encode()]
        for arg in args:
            data = str(arg).encode()
            parts.append(f"${len(data)}\r\n".encode() + data + b"\r\n")
        self.sock.sendall(b"".join(parts))
        return self._reply()

    def _reply(self):
        line = self.file.readline()
        if not line:
            raise ConnectionError("connection closed")
        kind, rest = line[:1], line[1:-2].decode()
        if kind == b"+":
            return rest
        if kind == b"-":
            raise RedisError(rest)
        if kind == b":":
            return int(rest)
        if kind == b"$":
            if int(rest) < 0:
                return None
            data = self.file.read(int(rest) + 2)
            return data[:-2].decode()
        if kind == b"*":
            return None if int(rest) < 0 else [self._reply() for _ in range(int(rest))]
        raise ConnectionError(f"unexpected reply {line!r}")


def ask(port, *args, timeout=1.0):
    """One command on a fresh connection."""
    conn = Connection(port, timeout)
    try:
        return conn.command(*args)
    finally:
        conn.close()
