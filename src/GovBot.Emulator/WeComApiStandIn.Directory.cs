using System.Text.Json.Nodes;
using GovBot.Host.WeCom.Api;

namespace GovBot.Emulator;

/// <summary>
/// The address book (通讯录) endpoints: department/list, user/simplelist and user/get, served from
/// <see cref="Directory"/> with WeCom's shapes and errcodes. Planned faults for them are kept apart from the
/// message endpoints' (<see cref="InjectDirectoryFault"/>), so a test can fail a sync without failing a push.
/// </summary>
public sealed partial class WeComApiStandIn
{
    private readonly StandInFaultQueue _directoryFaults = new();

    /// <summary>The address book these endpoints serve; empty but for the corp's root department until filled.</summary>
    public StandInDirectory Directory { get; } = new();

    /// <summary>The next <paramref name="count"/> address-book calls get <paramref name="fault"/>, after <paramref name="afterCalls"/> normal ones.</summary>
    public void InjectDirectoryFault(StandInFault fault, int count = 1, int afterCalls = 0) => _directoryFaults.Add(fault, count, afterCalls);

    private void MapDirectoryEndpoints(WebApplication app)
    {
        app.MapGet("/cgi-bin/department/list", DepartmentListAsync);
        app.MapGet("/cgi-bin/user/simplelist", UserSimpleListAsync);
        app.MapGet("/cgi-bin/user/get", UserGetAsync);
    }

    private async Task DepartmentListAsync(HttpContext ctx)
    {
        if (await DirectoryRefusedAsync(ctx)) return;
        long? root = null;
        var id = ctx.Request.Query["id"].ToString();
        if (id.Length > 0)
        {
            if (!long.TryParse(id, out var parsed) || Directory.Department(parsed) is null)
            {
                await AnswerAsync(ctx, Error(WeComErrors.InvalidDepartment, "invalid party id"));
                return;
            }
            root = parsed;
        }
        Record(ctx, "department/list");
        var answer = Ok();
        answer["department"] = new JsonArray(Directory.Departments(root).Select(d => (JsonNode)new JsonObject
        {
            ["id"] = d.Id, ["name"] = d.Name, ["parentid"] = d.ParentId, ["order"] = d.Order, ["department_leader"] = new JsonArray(),
        }).ToArray());
        await AnswerAsync(ctx, answer);
    }

    private async Task UserSimpleListAsync(HttpContext ctx)
    {
        if (await DirectoryRefusedAsync(ctx)) return;
        if (!long.TryParse(ctx.Request.Query["department_id"], out var departmentId) || Directory.Department(departmentId) is null)
        {
            await AnswerAsync(ctx, Error(WeComErrors.InvalidDepartment, "invalid party id"));
            return;
        }
        Record(ctx, "user/simplelist");
        var answer = Ok();
        answer["userlist"] = new JsonArray(Directory.MembersOf(departmentId).Select(m => (JsonNode)new JsonObject
        {
            ["userid"] = m.UserId, ["name"] = m.Name, ["department"] = Ids(m.Departments),
        }).ToArray());
        await AnswerAsync(ctx, answer);
    }

    private async Task UserGetAsync(HttpContext ctx)
    {
        if (await DirectoryRefusedAsync(ctx)) return;
        if (Directory.Member(ctx.Request.Query["userid"].ToString()) is not { } m)
        {
            await AnswerAsync(ctx, Error(WeComErrors.UserNotFound, "invalid userid, userid not found"));
            return;
        }
        Record(ctx, "user/get");
        var answer = Ok();
        answer["userid"] = m.UserId;
        answer["name"] = m.Name;
        answer["department"] = Ids(m.Departments);
        answer["order"] = new JsonArray(m.Departments.Select(_ => (JsonNode)JsonValue.Create(0)).ToArray());
        if (m.Position is not null) answer["position"] = m.Position;
        if (m.Mobile is not null) answer["mobile"] = m.Mobile;
        answer["status"] = m.Status;
        await AnswerAsync(ctx, answer);
    }

    private static JsonArray Ids(IEnumerable<long> ids) => new(ids.Select(i => (JsonNode)JsonValue.Create(i)).ToArray());

    private int _directoryCalls;

    /// <summary>
    /// How many address-book calls were answered. Kept out of <see cref="Calls"/>, which the emulator's chat page and
    /// the push tests read as messages.
    /// </summary>
    public int DirectoryCalls => Volatile.Read(ref _directoryCalls);

    private void Record(HttpContext ctx, string endpoint) => Interlocked.Increment(ref _directoryCalls);

    /// <summary>A planned fault (the address book's own queue, so a sync can fail without failing a push) or a bad token answered the call.</summary>
    private async Task<bool> DirectoryRefusedAsync(HttpContext ctx) => await ServeFaultAsync(ctx, _directoryFaults) || await RefuseTokenAsync(ctx);
}
