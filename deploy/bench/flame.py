#!/usr/bin/env python3
"""Turns a JFR recording into a flame graph (SVG) of its CPU samples, with no tools beyond the JDK's `jfr`.

Usage: deploy/bench/flame.py RECORDING.jfr OUT.svg [TITLE]
Each sample's stack (jdk.ExecutionSample, the threads that were running Java code) becomes a tower of frames, the
root at the bottom; a frame's width is its share of all samples. Hover a frame for its name, samples and share.
"""
import html
import re
import subprocess
import sys

FRAME = re.compile(r"^\s+(.+?)(?:\s+line:\s*\d+.*)?$")


def stacks(recording):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", recording],
                          check=True, capture_output=True, text=True).stdout
    stack, inside = [], False
    for line in text.splitlines():
        if line.strip().startswith("stackTrace = ["):
            stack, inside = [], True
        elif inside and line.strip() == "]":
            inside = False
            if stack:
                yield list(reversed(stack))
        elif inside and line.strip() and line.strip() != "...":
            m = FRAME.match(line)
            if m:
                stack.append(re.sub(r"\(.*\)$", "", m.group(1).strip()))


def tree(all_stacks):
    root = {"n": 0, "c": {}}
    for s in all_stacks:
        root["n"] += 1
        node = root
        for frame in s:
            node = node["c"].setdefault(frame, {"n": 0, "c": {}})
            node["n"] += 1
    return root


def colour(name):
    h = sum(ord(c) for c in name)
    if name.startswith("org.ownersvote"):
        return "rgb(%d,%d,%d)" % (80 + h % 60, 160 + h % 60, 80)
    if name.startswith(("org.hibernate", "org.postgresql", "io.agroal", "com.arjuna")):
        return "rgb(%d,%d,%d)" % (90, 130 + h % 60, 210)
    return "rgb(%d,%d,%d)" % (220, 100 + h % 100, 50 + h % 40)


def render(root, title, width=1400, row=16):
    total = max(1, root["n"])
    rects, depth_max = [], [0]

    def walk(node, name, x, depth):
        w = node["n"] / total * (width - 20)
        if w < 2.0:  # narrower than two pixels: unreadable, and it would only make the file large
            return
        depth_max[0] = max(depth_max[0], depth)
        rects.append((name, x, depth, w, node["n"]))
        cx = x
        for child_name, child in sorted(node["c"].items(), key=lambda kv: -kv[1]["n"]):
            walk(child, child_name, cx, depth + 1)
            cx += child["n"] / total * (width - 20)

    walk(root, "all", 10, 0)
    height = (depth_max[0] + 1) * row + 60
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="monospace" font-size="11">'
           % (width, height),
           '<rect width="100%%" height="100%%" fill="#fafafa"/><text x="10" y="20" font-size="14">%s (%d samples)</text>'
           % (html.escape(title), total)]
    for name, x, depth, w, n in rects:
        y = height - 20 - (depth + 1) * row
        label = name if w > 7 * len(name) else name[: max(0, int(w / 7) - 2)] + (".." if w > 21 else "")
        out.append('<g><title>%s — %d samples, %.1f%%</title><rect x="%.1f" y="%d" width="%.1f" height="%d" '
                   'fill="%s" stroke="#fff" stroke-width="0.5"/><text x="%.1f" y="%d">%s</text></g>'
                   % (html.escape(name), n, 100.0 * n / total, x, y, w, row - 1, colour(name), x + 2, y + row - 4,
                      html.escape(label) if w > 21 else ""))
    out.append("</svg>")
    return "\n".join(out)


def main():
    recording, target = sys.argv[1], sys.argv[2]
    title = sys.argv[3] if len(sys.argv) > 3 else recording
    with open(target, "w", encoding="utf-8") as f:
        f.write(render(tree(stacks(recording)), title))


if __name__ == "__main__":
    main()
