namespace GovBot.Host.WeCom.Api;

/// <summary>Hands out the application's access token, shared by every host instance.</summary>
public interface IWeComAccessTokenProvider
{
    /// <exception cref="WeComTransientException">WeCom could not be asked or would not issue a token.</exception>
    Task<string> GetTokenAsync(CancellationToken ct = default);

    /// <summary>
    /// Drops <paramref name="rejectedToken"/> if it is still the shared one and returns a fresh token;
    /// if another caller already replaced it, returns that without asking WeCom again.
    /// </summary>
    Task<string> RefreshAsync(string rejectedToken, CancellationToken ct = default);
}
