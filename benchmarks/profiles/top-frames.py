"""Prints the top frames of a dotnet-trace speedscope file: self and inclusive share of the samples of the busiest
thread (the one doing the work), so a profile can be quoted in a note.

Usage: python3 top-frames.py <file.speedscope.json> [count=15] [filter-substring]
With a filter, only samples whose stack contains a frame with that substring count (e.g. "CslJson.Read").
dotnet-sampled-thread-time ends every stack with a pseudo-frame (CPU_TIME, UNMANAGED_CODE_TIME): self time is charged
to the frame under it, marked "[unmanaged]" for UNMANAGED_CODE_TIME (native code: the GC, the allocator, the runtime).
"""
import collections
import json
import sys


def stacks(profile):
    """The stacks of a profile and their weights: sampled profiles list them; evented ones (dotnet-trace's) open and
    close frames, and each interval between two events is charged to the stack open during it."""
    if profile.get("type") == "sampled":
        samples = profile.get("samples", [])
        return samples, profile.get("weights", [1] * len(samples))
    samples, weights, stack, last = [], [], [], None
    for event in profile.get("events", []):
        if last is not None and stack and event["at"] > last:
            samples.append(list(stack))
            weights.append(event["at"] - last)
        last = event["at"]
        if event["type"] == "O":
            stack.append(event["frame"])
        elif stack:
            stack.pop()
    return samples, weights


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    needle = sys.argv[3] if len(sys.argv) > 3 else None
    with open(path, encoding="utf-8") as file:
        data = json.load(file)
    frames = [frame["name"] for frame in data["shared"]["frames"]]
    best = None
    for profile in data["profiles"]:
        samples, weights = stacks(profile)
        total = sum(weights)
        if best is None or total > best[0]:
            best = (total, samples, weights)
    _, samples, weights = best
    self_time = collections.Counter()
    inclusive = collections.Counter()
    total = 0.0
    for stack, weight in zip(samples, weights):
        names = [frames[index] for index in stack]
        if needle and not any(needle in name for name in names):
            continue
        total += weight
        leaf = names[-1]
        if leaf in ("CPU_TIME", "UNMANAGED_CODE_TIME") and len(names) > 1:
            names = names[:-1]
            leaf = names[-1] + (" [unmanaged]" if leaf == "UNMANAGED_CODE_TIME" else "")
        self_time[leaf] += weight
        for name in set(names):
            inclusive[name] += weight
    print(f"samples (weight) counted: {total:.0f}")
    print("self %   frame")
    for name, weight in self_time.most_common(top):
        print(f"{100 * weight / total:5.1f}   {name[:150]}")
    print("incl %   frame (ScholarlyRecord and System.Text.Json frames)")
    shown = 0
    for name, weight in inclusive.most_common():
        if "ScholarlyRecord" not in name and "System.Text.Json" not in name:
            continue
        print(f"{100 * weight / total:5.1f}   {name[:150]}")
        shown += 1
        if shown >= top:
            break


if __name__ == "__main__":
    main()
