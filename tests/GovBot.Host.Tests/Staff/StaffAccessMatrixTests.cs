using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovBot.Data.Reports;
using GovBot.Data.Seeding;
using GovBot.Host.CheckIns;
using GovBot.Host.Reminders;
using GovBot.Host.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.Staff;

/// <summary>
/// Every endpoint under /api and /staff, read from the host's route table, called by six kinds of caller. A new
/// endpoint is covered the day it is mapped, and one mapped without declaring who may call it fails here.
/// </summary>
public sealed partial class StaffAccessMatrixTests
{
    private enum Caller { Anonymous, Resident, GridWorker, OtherCommunityStaff, OwnStaff, CountyAdmin }

    /// <summary>Endpoints that check their caller themselves rather than through a staff policy.</summary>
    private static readonly string[] OwnGate = ["/api/nlu/parse"];

    /// <summary>Which staff policies each caller meets, from their seeded roles.</summary>
    private static readonly Dictionary<Caller, string[]> Meets = new()
    {
        [Caller.Anonymous] = [],
        [Caller.Resident] = [],
        [Caller.GridWorker] = [StaffAccess.AnyStaff],
        // 周文斌: staff and secretary of 迎新社区.
        [Caller.OtherCommunityStaff] = [StaffAccess.AnyStaff, StaffAccess.Community, StaffAccess.Secretary],
        // 赵晓燕: staff of 清泉湖社区, where the objects below belong.
        [Caller.OwnStaff] = [StaffAccess.AnyStaff, StaffAccess.Community],
        [Caller.CountyAdmin] = [StaffAccess.AnyStaff, StaffAccess.Community, StaffAccess.Secretary, StaffAccess.County],
    };

    private sealed record Route(string Method, string Pattern, string Path, string[] Policies, bool Anonymous);

    [Fact]
    public async Task Every_staff_and_api_endpoint_refuses_callers_without_the_right_and_other_communities_never_reach_our_objects()
    {
        await using var host = await StaffHost.StartAsync();
        var report = await host.FileAsync(DemoUsers.Resident, "飞线充电", "3号楼有人拉电线充电");
        var taskId = await CreateTaskAsync(host);
        var kind = host.Bot.Services.GetRequiredService<ReminderKinds>().All[0].Key;
        var routes = Routes(host, report.Id, taskId, kind);
        Assert.Contains(routes, r => r.Pattern == "/api/services/tasks/{id:int}");
        Assert.Contains(routes, r => r.Pattern.StartsWith("/staff/reminders/{kind}", StringComparison.Ordinal));

        // Declared once per group: every endpoint names a staff policy, is open on purpose, or checks itself.
        var undeclared = routes.Where(r => r.Policies.Length == 0 && !r.Anonymous && !OwnGate.Contains(r.Pattern)).Select(r => r.Method + " " + r.Pattern);
        Assert.Empty(undeclared);

        var clients = new Dictionary<Caller, HttpClient>
        {
            [Caller.Anonymous] = host.Client(),
            [Caller.Resident] = ResidentClient(host),
            [Caller.GridWorker] = (await host.WeComSignInAsync(DemoUsers.GridWorker)).Client,
            [Caller.OtherCommunityStaff] = (await host.WeComSignInAsync("zhouwenbin")).Client,
            [Caller.OwnStaff] = (await host.WeComSignInAsync(DemoUsers.Staff)).Client,
            [Caller.CountyAdmin] = await host.AdminAsync(),
        };
        var failures = new List<string>();
        try
        {
            foreach (var route in routes.Where(r => !r.Anonymous))
            {
                foreach (var (caller, client) in clients)
                {
                    var lacks = route.Policies.Except(Meets[caller]).ToList();
                    var mayNot = caller is Caller.Anonymous or Caller.Resident || lacks.Count > 0
                        || (caller == Caller.OtherCommunityStaff && route.Path.Contains("{ours}", StringComparison.Ordinal));
                    if (!mayNot) continue;
                    var path = route.Path.Replace("{ours}", "", StringComparison.Ordinal);
                    using var answer = await SendAsync(client, route.Method, path);
                    if (Served(answer)) failures.Add($"{caller} was served {route.Method} {path}: {(int)answer.StatusCode} {answer.Headers.Location}");
                    if ((int)answer.StatusCode >= 500) failures.Add($"{caller} got {(int)answer.StatusCode} at {route.Method} {path}");
                }
            }
            Assert.True(failures.Count == 0, string.Join("\n", failures));

            // Nothing of ours was changed by the refused calls.
            Assert.Equal(ReportStatus.Reported, await host.Bot.WithDbAsync(db => db.Reports.Where(r => r.Id == report.Id).Select(r => r.Status).SingleAsync()));
            var paused = await clients[Caller.CountyAdmin].GetStringAsync("/staff/reminders");
            Assert.DoesNotContain("已暂停", paused, StringComparison.Ordinal);

            // Those with the right are served: our own staff see our task and report, the county admin pauses for everyone.
            using var task = await clients[Caller.OwnStaff].GetAsync($"/api/services/tasks/{taskId}");
            Assert.Equal(HttpStatusCode.OK, task.StatusCode);
            using var theirTask = await clients[Caller.OtherCommunityStaff].GetAsync($"/api/services/tasks/{taskId}");
            Assert.Equal(HttpStatusCode.Forbidden, theirTask.StatusCode);
            Assert.DoesNotContain(DemoUsers.Volunteer, await theirTask.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await clients[Caller.OwnStaff].GetAsync($"/staff/reports/{report.Id}")).StatusCode);
            using var pause = await clients[Caller.CountyAdmin].PostAsync($"/api/reminders/{kind}/pause", null);
            Assert.Equal(HttpStatusCode.OK, pause.StatusCode);
            Assert.True((await pause.Content.ReadFromJsonAsync<RemindersApi.ReminderDto>())!.Paused);
        }
        finally
        {
            foreach (var client in clients.Values) client.Dispose();
        }
    }

    /// <summary>A resident cannot sign in to the pages (WeCom sign-in refuses them), so they try the header scripts use.</summary>
    private static HttpClient ResidentClient(StaffHost host)
    {
        var client = host.Client();
        client.DefaultRequestHeaders.Add(CheckInsApi.StaffHeader, DemoUsers.Resident);
        return client;
    }

    /// <summary>A 2xx, or a redirect anywhere but the sign-in page (a form done redirects back to its page).</summary>
    private static bool Served(HttpResponseMessage answer) =>
        answer.IsSuccessStatusCode
        || ((int)answer.StatusCode is >= 300 and < 400 && answer.Headers.Location?.ToString().StartsWith("/staff/login", StringComparison.Ordinal) != true);

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path) =>
        method == "GET"
            ? client.GetAsync(path)
            : path.StartsWith("/staff", StringComparison.Ordinal)
                ? client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "测试", ["capacity"] = "9" }))
                : client.PostAsync(path, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

    /// <summary>
    /// The route table, with each parameter filled: an object of 清泉湖社区 where there is one to hand (marked {ours},
    /// so other communities' staff are checked against it), else an id that exists nowhere.
    /// </summary>
    private static List<Route> Routes(StaffHost host, int reportId, int taskId, string kind)
    {
        var source = host.Bot.Services.GetRequiredService<EndpointDataSource>();
        var routes = new List<Route>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            if (!pattern.StartsWith("/api", StringComparison.Ordinal) && !pattern.StartsWith("/staff", StringComparison.Ordinal)) continue;
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToArray();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            foreach (var method in methods)
                routes.Add(new Route(method, pattern, Fill(pattern, reportId, taskId, kind), policies, anonymous));
        }
        return routes;
    }

    private static string Fill(string pattern, int reportId, int taskId, string kind)
    {
        var ours = pattern.StartsWith("/staff/reports/{id", StringComparison.Ordinal) ? $"{reportId}{{ours}}"
            : pattern.Contains("/tasks/{id", StringComparison.Ordinal) ? $"{taskId}{{ours}}"
            : "999999";
        return Parameter().Replace(pattern, m => m.Groups[1].Value switch
        {
            "id" => ours,
            "photoId" => "999999",
            "kind" => kind,
            "action" => pattern.Contains("/reminders/", StringComparison.Ordinal) ? "pause" : pattern.Contains("/reports/", StringComparison.Ordinal) ? "accept" : "approve",
            "code" => "Y0000",
            "member" => $"{DemoUsers.RetiredPartyMember}{{ours}}",
            var other => other,
        });
    }

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial Regex Parameter();

    private static async Task<int> CreateTaskAsync(StaffHost host)
    {
        var startsAt = DateTimeOffset.UtcNow.AddDays(3);
        using var create = new HttpRequestMessage(HttpMethod.Post, "api/services/tasks")
        {
            Content = JsonContent.Create(new { title = "集市维持秩序", place = "清泉湖社区党群服务中心门口", startsAt, endsAt = startsAt.AddHours(2), needed = 1, team = "红色唠嗑队" }),
        };
        create.Headers.Add(CheckInsApi.StaffHeader, DemoUsers.Staff);
        using var created = await host.Bot.Http.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }
}
