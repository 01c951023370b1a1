using GovBot.Data;
using GovBot.Data.CustomerService;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.WeCom.CustomerService.Handoff;

/// <summary>
/// Follows a session that people handle (session_status_change): a servicer took it from the queue (1), passed it on
/// (2) or took up an ended one (4): it is theirs; a servicer ended it (3): it is the bot's again. Idempotent: the same
/// event twice writes the same values.
/// </summary>
public sealed class CustomerServiceHandoffObserver(IServiceScopeFactory scopes) : ICustomerServiceSessionObserver
{
    public const int TakenFromQueue = 1;
    public const int PassedOn = 2;
    public const int Ended = 3;
    public const int TakenUpAgain = 4;

    public Task OnEnteredAsync(CustomerServiceEntered entered, CancellationToken ct) => Task.CompletedTask;

    public async Task OnSessionChangedAsync(CustomerServiceSessionChanged changed, CancellationToken ct)
    {
        (CustomerServiceState State, string? Servicer)? next = changed.ChangeType switch
        {
            Ended => (CustomerServiceState.Assistant, null),
            TakenFromQueue or PassedOn or TakenUpAgain when !string.IsNullOrEmpty(changed.NewServicerUserId) =>
                (CustomerServiceState.Servicer, changed.NewServicerUserId),
            _ => null,
        };
        if (next is not { } to) return;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovBotDb>();
        // A row the channel has not made yet (it makes it on the first message) has nothing to follow.
        await db.ExternalUsers.Where(e => e.ExternalUserId == changed.ExternalUserId).ExecuteUpdateAsync(u => u
            .SetProperty(e => e.SessionState, to.State)
            .SetProperty(e => e.ServicerUserId, to.Servicer)
            .SetProperty(e => e.UpdatedAt, changed.At), ct);
    }
}
