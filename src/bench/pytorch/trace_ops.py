"""Per-operator self time from two Chrome traces (libtorch's profiler through `bench train --profile`,
torch.profiler through bench_train.py --trace), side by side.

    python3 trace_ops.py CONVSTUDIO.json PYTORCH.json [--steps 20] [--top 20]

Self time = an event's duration minus that of the events directly nested in it on the same thread.
Also prints, per side, the span of the profiled steps and how much of it no operator covered (time
spent in the host language between operators)."""
import argparse
import collections
import json


def load(path):
    with open(path) as f:
        d = json.load(f)
    events = d["traceEvents"] if isinstance(d, dict) else d
    return [e for e in events if e.get("ph") == "X" and not e["name"].startswith("PyTorch Profiler")]


def self_times(events):
    threads = collections.defaultdict(list)
    for e in events:
        threads[(e.get("pid"), e.get("tid"))].append(e)
    total = collections.Counter()
    calls = collections.Counter()
    span = covered = 0.0
    for es in threads.values():
        es.sort(key=lambda e: (e["ts"], -e["dur"]))
        stack, nested = [], collections.Counter()
        for i, e in enumerate(es):
            while stack and es[stack[-1]]["ts"] + es[stack[-1]]["dur"] <= e["ts"]:
                stack.pop()
            if stack:
                nested[stack[-1]] += e["dur"]
            stack.append(i)
        for i, e in enumerate(es):
            total[e["name"]] += e["dur"] - nested[i]
            calls[e["name"]] += 1
        start, end = es[0]["ts"], max(e["ts"] + e["dur"] for e in es)
        cur_s = cur_e = None
        cov = 0.0
        for e in sorted(es, key=lambda e: e["ts"]):
            s, t = e["ts"], e["ts"] + e["dur"]
            if cur_e is None or s > cur_e:
                if cur_e is not None:
                    cov += cur_e - cur_s
                cur_s, cur_e = s, t
            else:
                cur_e = max(cur_e, t)
        cov += cur_e - cur_s
        if end - start > span:  # the training thread is the longest-lived one
            span, covered = end - start, cov
    return total, calls, span, covered


def main():
    p = argparse.ArgumentParser()
    p.add_argument("convstudio")
    p.add_argument("pytorch")
    p.add_argument("--steps", type=float, default=20)
    p.add_argument("--top", type=int, default=20)
    a = p.parse_args()
    cs, cs_calls, cs_span, cs_cov = self_times(load(a.convstudio))
    pt, pt_calls, pt_span, pt_cov = self_times(load(a.pytorch))
    ms = lambda us: us / 1000.0 / a.steps
    print("%-46s %14s %14s %7s" % ("operator (self time, ms per step)", "libtorch 2.7.1", "torch " + "2.13", "ratio"))
    names = [n for n, _ in (cs + pt).most_common() if n.startswith("aten::")][: a.top]
    for n in names:
        c, t = ms(cs[n]), ms(pt[n])
        print("%-46s %14.3f %14.3f %7s" % (n[:46], c, t, "%.2f" % (c / t) if t > 0 else "-"))
    c_ops = ms(sum(v for k, v in cs.items() if k.startswith("aten::")))
    p_ops = ms(sum(v for k, v in pt.items() if k.startswith("aten::")))
    print("%-46s %14.3f %14.3f %7.2f" % ("all aten:: operators", c_ops, p_ops, c_ops / p_ops))
    print("%-46s %14.3f %14.3f %7.2f" % ("span of a step", ms(cs_span), ms(pt_span), cs_span / pt_span))
    print("%-46s %14.3f %14.3f" % ("  of which between operators (host language)", ms(cs_span - cs_cov), ms(pt_span - pt_cov)))


if __name__ == "__main__":
    main()
