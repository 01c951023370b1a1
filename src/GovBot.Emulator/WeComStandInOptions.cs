namespace GovBot.Emulator;

/// <summary>Who the stand-in pretends to be; the host's WeCom options must name the same corp, secret and agent.</summary>
public sealed record WeComStandInOptions
{
    public string CorpId { get; init; } = "wwstandin0000000001";
    public string CorpSecret { get; init; } = "stand-in-secret";
    public int AgentId { get; init; } = 1000002;

    /// <summary>The loopback port; 0 takes a free one (see <see cref="WeComApiStandIn.BaseUrl"/>).</summary>
    public int Port { get; init; }

    /// <summary>WeCom issues tokens for 7200 s.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(2);

    /// <summary>The corp's members; null means any user id exists. Unknown ids come back in invaliduser.</summary>
    public IEnumerable<string>? KnownUsers { get; init; }

    /// <summary>The clock tokens expire by; give tests' fake clock so token expiry follows it.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
