using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace GovBot.Host.Tests.Telemetry;

/// <summary>Spans as the in-memory exporter hands them over, from whichever thread ended them.</summary>
internal sealed class SpanList : ICollection<Activity>
{
    private readonly List<Activity> _items = [];
    private readonly Lock _gate = new();

    public List<Activity> Snapshot()
    {
        lock (_gate) return [.. _items];
    }

    public void Add(Activity item)
    {
        lock (_gate) _items.Add(item);
    }

    public void Clear()
    {
        lock (_gate) _items.Clear();
    }

    public bool Contains(Activity item)
    {
        lock (_gate) return _items.Contains(item);
    }

    public void CopyTo(Activity[] array, int arrayIndex)
    {
        lock (_gate) _items.CopyTo(array, arrayIndex);
    }

    public bool Remove(Activity item)
    {
        lock (_gate) return _items.Remove(item);
    }

    public int Count
    {
        get { lock (_gate) return _items.Count; }
    }

    public bool IsReadOnly => false;

    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>One log line as an operator's log store would keep it: category, text, and the trace id from its scopes.</summary>
internal sealed record LogLine(string Category, string Text, string? TraceId);

/// <summary>Records every log line with the scopes the host's logging attaches (the trace and span ids among them).</summary>
internal sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly List<LogLine> _lines = [];
    private readonly Lock _gate = new();
    private IExternalScopeProvider? _scopes;

    public List<LogLine> Lines()
    {
        lock (_gate) return [.. _lines];
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private void Write(string category, string text)
    {
        string? traceId = null;
        _scopes?.ForEachScope((scope, _) =>
        {
            if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                foreach (var (key, value) in pairs)
                    if (key == "TraceId") traceId = value?.ToString();
        }, (object?)null);
        lock (_gate) _lines.Add(new LogLine(category, text, traceId));
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Write(category, formatter(state, exception));
    }
}
