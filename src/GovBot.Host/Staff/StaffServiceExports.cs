using GovBot.Data.Services;
using GovBot.Data;
using GovBot.Host.Staff.Exports;
using GovBot.Skills.Services;
using GovBot.Skills.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Staff;

/// <summary>
/// 导出表格 of /staff/services: the events, items and slots with everyone who booked them, and
/// the volunteer tasks with who accepted. The same events and tasks as the page, in the same scope.
/// </summary>
public static class StaffServiceExports
{
    public static async Task<IResult> SlotsAsync(HttpContext http, StaffCallers callers, GovBotDb db, TimeProvider time, string format, CancellationToken ct)
    {
        var (scope, answer) = await StaffServicesPage.RequireAsync(http, callers, ct);
        if (scope is null) return answer!;
        var events = await StaffServicesPage.EventsAsync(db, scope, time.GetUtcNow(), ct);
        var slotIds = events.SelectMany(e => e.Items).SelectMany(i => i.Slots).Select(s => s.Id).ToList();
        var bookings = (await db.Bookings.AsNoTracking().Include(b => b.Person).Where(b => slotIds.Contains(b.SlotId))
            .OrderBy(b => b.Id).ToListAsync(ct)).ToLookup(b => b.SlotId);
        object?[] Row(ServiceEvent e, ServiceItem? i, ServiceSlot? s, Booking? b) =>
        [
            e.Title, e.Community?.Name, e.Place, i?.Name, i?.Provider, s?.StartsAt, s?.EndsAt, s?.Capacity, s?.Booked,
            s is null ? null : bookings[s.Id].Count(x => x.Status == BookingStatus.Waitlisted),
            b?.Code, b?.Person?.Name, b?.Person?.Phone, b is null ? null : ServiceWording.Status(b.Status), b?.CreatedAt,
        ];
        // One row a booking; a slot nobody booked, an item without slots and an event without items still get theirs.
        var rows = new List<object?[]>();
        foreach (var e in events)
        {
            if (e.Items.Count == 0) rows.Add(Row(e, null, null, null));
            foreach (var i in e.Items.OrderBy(i => i.Id))
            {
                if (i.Slots.Count == 0) rows.Add(Row(e, i, null, null));
                foreach (var s in i.Slots.OrderBy(s => s.StartsAt).ThenBy(s => s.Id))
                    rows.AddRange(bookings[s.Id].Any() ? bookings[s.Id].Select(b => Row(e, i, s, b)) : [Row(e, i, s, null)]);
            }
        }
        return StaffExport.File(new Sheet("服务预约",
            ["活动", "社区", "地点", "服务", "提供方", "开始", "结束", "名额", "已约", "候补", "预约号", "姓名", "电话", "预约状态", "预约时间"], rows),
            "service-slots", format, time);
    }

    public static async Task<IResult> TasksAsync(HttpContext http, StaffCallers callers, GovBotDb db, TimeProvider time, string format, CancellationToken ct)
    {
        var (scope, answer) = await StaffServicesPage.RequireAsync(http, callers, ct);
        if (scope is null) return answer!;
        var now = time.GetUtcNow();
        var tasks = await StaffServicesPage.TasksAsync(db, scope, now, ct);
        return StaffExport.File(new Sheet("志愿任务",
            ["任务", "社区", "地点", "开始", "结束", "需要人数", "已接单", "状态", "需要的服务", "网格", "志愿服务队", "组织人", "接单的志愿者", "注意事项"],
            tasks.Select(t => new object?[]
            {
                t.Title, t.Community?.Name, t.Place, t.StartsAt, t.EndsAt, t.Needed, t.Accepted, StaffServicesPage.TaskStatus(t, now), string.Join("、", t.SkillList), t.Grid?.Name, t.Team?.Name,
                t.Organiser?.Name, string.Join("、", t.Offers.Where(o => o.Answer == TaskAnswer.Accepted).OrderBy(o => o.AnsweredAt).Select(o => o.Person!.Name)),
                t.Instructions,
            })), "volunteer-tasks", format, time);
    }
}
