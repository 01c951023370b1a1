namespace GovBot.Host.WeCom.CustomerService;

/// <summary>
/// A WeChat user opened the customer-service session (WeCom's <c>enter_session</c> event), from a link or QR code whose
/// <paramref name="Scene"/> says which community or grid printed it. <paramref name="WelcomeCode"/> lets the app send one
/// welcome message within 20 seconds, outside the usual 48-hour window.
/// </summary>
public sealed record CustomerServiceEntered(
    string OpenKfId, string ExternalUserId, string? Scene, string? SceneParam, string? WelcomeCode, DateTimeOffset At);

/// <summary>
/// The session moved (WeCom's <c>session_status_change</c> event): <paramref name="ChangeType"/> 1 a servicer took it
/// from the queue, 2 it was passed to another servicer, 3 a servicer ended it, 4 a servicer took up an ended session.
/// </summary>
public sealed record CustomerServiceSessionChanged(
    string OpenKfId, string ExternalUserId, int ChangeType, string? OldServicerUserId, string? NewServicerUserId, DateTimeOffset At);

/// <summary>
/// Told of session events as the puller reads them, in order, before the bot answers anything they bring. Every
/// registered observer is called; one that throws makes the event retried, so an observer must be idempotent.
/// </summary>
public interface ICustomerServiceSessionObserver
{
    Task OnEnteredAsync(CustomerServiceEntered entered, CancellationToken ct);

    Task OnSessionChangedAsync(CustomerServiceSessionChanged changed, CancellationToken ct);
}
