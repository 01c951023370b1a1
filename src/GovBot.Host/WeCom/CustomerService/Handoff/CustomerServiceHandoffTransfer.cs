using GovBot.Data;
using GovBot.Data.CustomerService;
using GovBot.Data.People;
using GovBot.Host.WeCom.Api;
using GovBot.Host.WeCom.CustomerService.Links;
using GovBot.Skills.Handoff;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.WeCom.CustomerService.Handoff;

/// <summary>
/// 转人工 for a resident on 微信客服: <c>kf/service_state/trans</c> (state 3) puts the first of the desk's people whom WeCom
/// accepts as a servicer on the session, and ExternalUsers records it so the bot stays quiet until the servicer ends it
/// (<see cref="CustomerServiceHandoffObserver"/>). WeCom refuses anyone not listed as the account's servicer; then the
/// next is tried, and if nobody can take it the card that already went is the handoff, as on the WeCom app.
/// </summary>
public sealed class CustomerServiceHandoffTransfer(
    GovBotDb db, ICustomerServiceEntryClient wecom, ICustomerServiceApi messages, TimeProvider time,
    ILogger<CustomerServiceHandoffTransfer> logger) : IHandoffTransfer
{
    /// <summary>The session is a servicer's (WeCom's service_state 3).</summary>
    private const int ServicerState = (int)CustomerServiceState.Servicer;

    /// <summary>Tries at most these many people: each refusal is a round trip while the resident waits.</summary>
    private const int MaxTries = 3;

    public async Task<HandoffTransferOutcome> TransferAsync(Person resident, IReadOnlyList<Person> people, CancellationToken ct)
    {
        var external = await db.ExternalUsers.AsNoTracking().Where(e => e.PersonId == resident.Id)
            .OrderByDescending(e => e.UpdatedAt).FirstOrDefaultAsync(ct);
        if (external is null) return HandoffTransferOutcome.None;
        // Before WeCom is asked: a read-only turn is run again with the writers, and must not hand over twice.
        db.EnsureWritable();

        try
        {
            // A turn run again (a failed commit) finds the session already handed over: that is the same handoff.
            var state = await wecom.GetServiceStateAsync(external.OpenKfId, external.ExternalUserId, ct);
            if (state.IsOk && state.ServiceState == ServicerState && people.FirstOrDefault(p => p.WeComUserId == state.ServicerUserId) is { } already)
                return await TakenAsync(external, already, ct);

            foreach (var person in people.Where(p => !string.IsNullOrEmpty(p.WeComUserId)).Take(MaxTries))
            {
                var answer = await wecom.TransServiceStateAsync(external.OpenKfId, external.ExternalUserId, ServicerState, person.WeComUserId, ct);
                if (answer.IsOk) return await TellAsync(resident, external, await TakenAsync(external, person, ct), answer.MsgCode, ct);
                logger.LogWarning(
                    "kf/service_state/trans refused {Servicer} (errcode {ErrCode}: {ErrMsg}); add grid workers as servicers of the customer-service account in WeCom's console",
                    person.WeComUserId, answer.ErrCode, answer.ErrMsg);
            }
        }
        catch (WeComTransientException e)
        {
            logger.LogWarning(e, "kf/service_state could not be reached; the handoff card went, the session stays with the bot");
        }
        return HandoffTransferOutcome.Refused;
    }

    /// <summary>
    /// Once a person has the session WeCom refuses kf/send_msg (95018): the words 「已请网格员…来接待您」 go with the change,
    /// through kf/send_msg_on_event and trans's msg_code. If that fails the skill's own answer is held until the session ends.
    /// </summary>
    private async Task<HandoffTransferOutcome> TellAsync(
        Person resident, ExternalUser external, HandoffTransferOutcome taken, string? msgCode, CancellationToken ct)
    {
        // Only a turn that came through 微信客服 is answered there; a corp member linked to a WeChat user who asked in the
        // WeCom app hears it in the app, as the skill says it.
        if (resident.WeComUserId != ExternalUser.IdentityOf(external.ExternalUserId)) return taken;
        if (taken.TakenBy is not { } servicer || string.IsNullOrEmpty(msgCode)) return taken;
        try
        {
            var sent = await messages.SendOnEventAsync(new KfEventMessage
            {
                Code = msgCode, MsgType = "text", Text = new KfText(HandoffWording.TakenOver(servicer)),
            }, ct);
            if (sent.IsOk) return taken with { Told = true };
            logger.LogWarning("kf/send_msg_on_event with trans's msg_code was refused (errcode {ErrCode}: {ErrMsg}); the handoff answer waits until the session ends",
                sent.ErrCode, sent.ErrMsg);
        }
        catch (WeComTransientException e)
        {
            logger.LogWarning(e, "kf/send_msg_on_event could not be reached; the handoff answer waits until the session ends");
        }
        return taken;
    }

    private async Task<HandoffTransferOutcome> TakenAsync(ExternalUser external, Person servicer, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // Written at once, outside the turn's unit of work: WeCom has already handed the session over.
        await db.ExternalUsers.Where(e => e.Id == external.Id).ExecuteUpdateAsync(u => u
            .SetProperty(e => e.SessionState, CustomerServiceState.Servicer)
            .SetProperty(e => e.ServicerUserId, servicer.WeComUserId)
            .SetProperty(e => e.UpdatedAt, now), ct);
        return new HandoffTransferOutcome(servicer, true);
    }
}
