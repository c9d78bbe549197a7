namespace Platform.Testing.FakeLlm;

/// <summary>
/// Scripted faults, consumed one per request. A fault aimed at no API hits only the two completion
/// APIs, so a background health check listing models cannot steal a fault meant for a chat call.
/// </summary>
internal sealed class FakeFaultQueue
{
    private readonly Lock _lock = new();
    private readonly List<(FakeFault Fault, FakeLlmApi? Api)> _queued = [];
    private (FakeFault Fault, FakeLlmApi? Api)? _always;
    private readonly Dictionary<string, FakeFault> _alwaysForModel = new(StringComparer.OrdinalIgnoreCase);

    public void Enqueue(FakeFault fault, FakeLlmApi? api)
    {
        lock (_lock)
        {
            _queued.Add((fault, api));
        }
    }

    public void Always(FakeFault fault, FakeLlmApi? api)
    {
        lock (_lock)
        {
            _always = (fault, api);
        }
    }

    public void AlwaysFor(string model, FakeFault fault)
    {
        lock (_lock)
        {
            _alwaysForModel[model] = fault;
        }
    }

    public void Heal()
    {
        lock (_lock)
        {
            _always = null;
            _alwaysForModel.Clear();
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _queued.Clear();
            _always = null;
            _alwaysForModel.Clear();
        }
    }

    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _queued.Count;
            }
        }
    }

    /// <summary>An outage set by Always (for every model, or for this one) wins and leaves the queue untouched until healed.</summary>
    public FakeFault? Take(FakeLlmApi api, string? model = null)
    {
        lock (_lock)
        {
            if (model is not null && api is not FakeLlmApi.Models && _alwaysForModel.TryGetValue(model, out var modelOutage))
            {
                return modelOutage;
            }

            if (_always is { } always && Hits(always.Api, api))
            {
                return always.Fault;
            }

            var index = _queued.FindIndex(q => Hits(q.Api, api));
            if (index < 0)
            {
                return null;
            }

            var fault = _queued[index].Fault;
            _queued.RemoveAt(index);
            return fault;
        }
    }

    private static bool Hits(FakeLlmApi? target, FakeLlmApi api) =>
        target == api || (target is null && api is not FakeLlmApi.Models);
}
