namespace GovBot.Emulator;

/// <summary>A failure the stand-in serves instead of a normal answer, to exercise retries.</summary>
public abstract record StandInFault
{
    /// <summary>Answers with this HTTP status and no WeCom JSON, as a failing gateway would.</summary>
    public sealed record Http(int Status = 500) : StandInFault;

    /// <summary>Waits this long before answering normally; a client that gives up first gets nothing, and nothing is done.</summary>
    public sealed record Hang(TimeSpan Duration) : StandInFault;

    /// <summary>Answers with this errcode, e.g. 45009 (frequency limit) or -1 (system busy).</summary>
    public sealed record Refusal(int ErrCode = 45009, string ErrMsg = "api freq out of limit") : StandInFault;
}
