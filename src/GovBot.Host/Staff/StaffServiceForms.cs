using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Data.Services;
using GovBot.Skills.Services;
using Microsoft.EntityFrameworkCore;
using static GovBot.Host.Staff.StaffHtml;

namespace GovBot.Host.Staff;

/// <summary>
/// The /staff/services forms for events, items and slots, through <see cref="ServiceCatalog"/> (the tables the booking
/// skill reads, so a new slot is bookable in the chat at once). A form that does not pass comes back filled in with the
/// reason (400); one for another community's event is refused (403); one that passes redirects to the list.
/// </summary>
public static class StaffServiceForms
{
    private const string OtherCommunity = "只能管理本社区的志愿服务。";
    private const string MissingTimes = "请填写开始时间、结束时间和名额。";

    public static async Task<IResult> AddEventAsync(HttpContext http, StaffCallers callers, GovBotDb db, ServiceCatalog catalog, TimeProvider time, CancellationToken ct)
    {
        var (scope, answer) = await StaffServicesPage.RequireAsync(http, callers, ct);
        if (scope is null) return answer!;
        var form = await http.Request.ReadFormAsync(ct);
        return await StaffServicesPage.AnswerAsync(scope, db, time, "event", form, await TryAddEventAsync(catalog, scope, form, ct), ct);
    }

    private static async Task<string?> TryAddEventAsync(ServiceCatalog catalog, StaffScope scope, IFormCollection form, CancellationToken ct)
    {
        if (StaffServicesPage.CommunityOf(scope, form) is not { } communityId) return "请选择社区。";
        if (StaffForm.Day(form, "date") is not { } day) return "请填写活动日期。";
        if (StaffForm.Choice(form, "team") is not (true, var teamId)) return "主办队伍请从列表里选。";
        var draft = new EventDraft(StaffForm.Text(form, "title"), StaffForm.Text(form, "place"), day, communityId, teamId);
        return (await catalog.AddEventAsync(draft, ct)).Refusal;
    }

    public static async Task<IResult> AddItemAsync(HttpContext http, StaffCallers callers, GovBotDb db, ServiceCatalog catalog, TimeProvider time, int id, CancellationToken ct)
    {
        var (scope, answer) = await StaffServicesPage.RequireAsync(http, callers, ct);
        if (scope is null) return answer!;
        if (await db.ServiceEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } serviceEvent) return Results.NotFound();
        if (!scope.AllowsCommunity(serviceEvent.CommunityId)) return Refused(scope, OtherCommunity);
        var form = await http.Request.ReadFormAsync(ct);
        var outcome = await catalog.AddItemAsync(serviceEvent, StaffForm.Text(form, "name"), StaffForm.Text(form, "provider"), ct);
        return await StaffServicesPage.AnswerAsync(scope, db, time, $"item:{id}", form, outcome.Refusal, ct);
    }

    public static async Task<IResult> AddSlotAsync(HttpContext http, StaffCallers callers, GovBotDb db, ServiceCatalog catalog, TimeProvider time, int id, CancellationToken ct)
    {
        var (scope, answer) = await StaffServicesPage.RequireAsync(http, callers, ct);
        if (scope is null) return answer!;
        if (await db.ServiceItems.AsNoTracking().Include(i => i.Event).FirstOrDefaultAsync(i => i.Id == id, ct) is not { } item) return Results.NotFound();
        if (!scope.AllowsCommunity(item.Event!.CommunityId)) return Refused(scope, OtherCommunity);
        var form = await http.Request.ReadFormAsync(ct);
        var refusal = Times(form) is { } times ? (await catalog.AddSlotAsync(item, times, ct)).Refusal : MissingTimes;
        return await StaffServicesPage.AnswerAsync(scope, db, time, $"slot-new:{id}", form, refusal, ct);
    }

    public static async Task<IResult> ChangeSlotAsync(HttpContext http, StaffCallers callers, GovBotDb db, ServiceCatalog catalog, TimeProvider time, int id, CancellationToken ct)
    {
        var (scope, answer) = await StaffServicesPage.RequireAsync(http, callers, ct);
        if (scope is null) return answer!;
        // Untracked: the catalogue changes the row by a conditional UPDATE, and nothing stale may be saved over it.
        var slot = await SlotWithEventAsync(db, id, ct);
        if (slot is null) return Results.NotFound();
        if (!scope.AllowsCommunity(slot.Item!.Event!.CommunityId)) return Refused(scope, OtherCommunity);
        var form = await http.Request.ReadFormAsync(ct);
        var refusal = Times(form) is { } times ? (await catalog.ChangeSlotAsync(slot, times, ct)).Refusal : MissingTimes;
        return await StaffServicesPage.AnswerAsync(scope, db, time, $"slot:{id}", form, refusal, ct);
    }

    /// <summary>The slot with its item and event (whose community decides who may change it), untracked.</summary>
    private static Task<ServiceSlot?> SlotWithEventAsync(GovBotDb db, int id, CancellationToken ct) =>
        db.ServiceSlots.AsNoTracking().Include(s => s.Item!).ThenInclude(i => i.Event).FirstOrDefaultAsync(s => s.Id == id, ct);

    /// <summary>Calls the slot off; those booked or waiting are told by push (<see cref="ServicePlans"/>).</summary>
    public static async Task<IResult> CancelSlotAsync(HttpContext http, StaffCallers callers, GovBotDb db, ServicePlans plans, TimeProvider time, int id, CancellationToken ct)
    {
        var (scope, answer) = await StaffServicesPage.RequireAsync(http, callers, ct);
        if (scope is null) return answer!;
        var slot = await SlotWithEventAsync(db, id, ct);
        if (slot is null) return Results.NotFound();
        if (!scope.AllowsCommunity(slot.Item!.Event!.CommunityId)) return Refused(scope, OtherCommunity);
        var form = await http.Request.ReadFormAsync(ct);
        var outcome = await plans.CancelSlotAsync(slot, ct);
        if (outcome.Done) Signal(http);
        return await StaffServicesPage.AnswerAsync(scope, db, time, $"slot-cancel:{id}", form, outcome.Refusal, ct);
    }

    /// <summary>Calls the whole event off: every slot not yet started, everyone booked or waiting told.</summary>
    public static async Task<IResult> CancelEventAsync(HttpContext http, StaffCallers callers, GovBotDb db, ServicePlans plans, TimeProvider time, int id, CancellationToken ct)
    {
        var (scope, answer) = await StaffServicesPage.RequireAsync(http, callers, ct);
        if (scope is null) return answer!;
        if (await db.ServiceEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } serviceEvent) return Results.NotFound();
        if (!scope.AllowsCommunity(serviceEvent.CommunityId)) return Refused(scope, OtherCommunity);
        var form = await http.Request.ReadFormAsync(ct);
        var outcome = await plans.CancelEventAsync(serviceEvent, ct);
        Signal(http);
        return await StaffServicesPage.AnswerAsync(scope, db, time, $"event-cancel:{id}", form, outcome.Refusal, ct);
    }

    /// <summary>Moves the whole event to another day; those booked or waiting hear the new time by push.</summary>
    public static async Task<IResult> MoveEventAsync(HttpContext http, StaffCallers callers, GovBotDb db, ServicePlans plans, TimeProvider time, int id, CancellationToken ct)
    {
        var (scope, answer) = await StaffServicesPage.RequireAsync(http, callers, ct);
        if (scope is null) return answer!;
        if (await db.ServiceEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } serviceEvent) return Results.NotFound();
        if (!scope.AllowsCommunity(serviceEvent.CommunityId)) return Refused(scope, OtherCommunity);
        var form = await http.Request.ReadFormAsync(ct);
        var outcome = StaffForm.Day(form, "date") is { } day ? await plans.MoveEventAsync(serviceEvent, day, ct) : CatalogOutcome.No("请填写新的活动日期。");
        if (outcome.Done) Signal(http);
        return await StaffServicesPage.AnswerAsync(scope, db, time, $"event-move:{id}", form, outcome.Refusal, ct);
    }

    /// <summary>The pushes just queued go out now rather than at the outbox's next poll.</summary>
    public static void Signal(HttpContext http) => http.RequestServices.GetRequiredService<IOutboxSignal>().Signal();

    private static SlotTimes? Times(IFormCollection form) =>
        StaffForm.ChinaTime(form, "start") is { } start && StaffForm.ChinaTime(form, "end") is { } end && StaffForm.Int(form, "capacity") is { } capacity
            ? new SlotTimes(start, end, capacity)
            : null;
}
