namespace GovBot.Host.StaffDirectory;

public enum DirectorySyncOutcomeKind
{
    /// <summary>No department is mapped to a place: nothing to sync.</summary>
    NotMapped,
    /// <summary>WeCom could not be read completely; nothing changed.</summary>
    Failed,
    /// <summary>Too many would have left; nothing changed until a county admin confirms.</summary>
    Refused,
    Applied,
}

/// <summary>How one sync went, as the staff page shows it.</summary>
public sealed record DirectorySyncOutcome(DirectorySyncOutcomeKind Kind, DateTimeOffset At, string Message)
{
    public int Added { get; init; }
    public int Changed { get; init; }
    public int Unchanged { get; init; }
    public int Left { get; init; }
    public int HandedOver { get; init; }
    /// <summary>Names of those who left, or would have (for a refused sync).</summary>
    public IReadOnlyList<string> Leavers { get; init; } = [];
    /// <summary>By a scheduled run, or the name of the admin who pressed the button.</summary>
    public string? By { get; init; }
}

/// <summary>
/// The last sync of this process, also the one that changed nothing (failed or refused): those leave no ImportRecord,
/// but the page must tell the admin why. One sync at a time per process.
/// </summary>
public sealed class DirectorySyncLastRun
{
    private volatile DirectorySyncOutcome? _last;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public DirectorySyncOutcome? Last => _last;

    public void Set(DirectorySyncOutcome outcome) => _last = outcome;
}
