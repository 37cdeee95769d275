#!/usr/bin/env python3
# The usual way a native messaging host is written in Python, after the
# Chromium and MDN samples: read the 4-byte native-endian length, read the
# body, json.loads it, answer with json.dumps. It compares nothing; it only
# stands for the cost of a Python process that parses and answers. oneself's
# cold start is measured against it (bench/README.md).
import json
import struct
import sys


def read_message():
    raw_length = sys.stdin.buffer.read(4)
    if len(raw_length) < 4:
        return None
    length = struct.unpack("@I", raw_length)[0]
    return json.loads(sys.stdin.buffer.read(length).decode("utf-8"))


def send_message(message):
    encoded = json.dumps(message).encode("utf-8")
    sys.stdout.buffer.write(struct.pack("@I", len(encoded)))
    sys.stdout.buffer.write(encoded)
    sys.stdout.buffer.flush()


def main():
    while True:
        message = read_message()
        if message is None:
            return 0
        if message.get("type") == "hello":
            result = {"protocol": 1, "version": "reference", "sites": []}
        else:
            result = {"revision": 0, "warnings": [], "checked": list(message.get("fields", {})), "score": 100}
        send_message({"id": message.get("id"), "ok": True, "result": result})


if __name__ == "__main__":
    sys.exit(main())
