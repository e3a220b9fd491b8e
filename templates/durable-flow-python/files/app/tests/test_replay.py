"""Determinism guard: the workflow, driven twice with the same history, issues the same actions.
A change that fails this test breaks replay of runs in flight: version it (is_patched) instead."""

from {{package}} import workflows


class FakeTask:
    def __init__(self, kind, name, result=None):
        self.kind, self.name, self._result = kind, name, result

    def get_result(self):
        return self._result


class FakeContext:
    instance_id = "tenant--key"
    is_replaying = False

    def __init__(self):
        self.actions = []

    def call_activity(self, activity, input=None, retry_policy=None):
        name = getattr(activity, "__name__", str(activity))
        self.actions.append(("activity", name))
        results = {"plan_step": {"tool_calls": [{"tool": "search", "arguments": {"q": "x"}}]}}
        return FakeTask("activity", name, results.get(name, {}))

    def create_timer(self, fire_at):
        self.actions.append(("timer", str(fire_at)))
        return FakeTask("timer", "timer")

    def wait_for_external_event(self, name):
        self.actions.append(("event", name))
        return FakeTask("event", name, {})


def drive(ctx, monkeypatch):
    monkeypatch.setattr(workflows.wf, "when_any", lambda tasks: tasks[0])
    gen = workflows.durable_flow(ctx, {"tenant": "t", "input": {}})
    value = None
    try:
        while True:
            task = gen.send(value)
            value = task
    except StopIteration as done:
        return done.value


def test_same_history_same_actions(monkeypatch):
    first, second = FakeContext(), FakeContext()
    assert drive(first, monkeypatch) == drive(second, monkeypatch)
    assert first.actions == second.actions


def test_every_activity_races_a_timer(monkeypatch):
    ctx = FakeContext()
    drive(ctx, monkeypatch)
    kinds = [kind for kind, _ in ctx.actions]
    for i, kind in enumerate(kinds[:-1]):
        if kind == "activity" and ctx.actions[i][1] != "release_tenant_slot":
            assert kinds[i + 1] == "timer"
