using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GovBot.Host.Health;

/// <summary>
/// The readiness answer for operators: the overall status and one plain reason per check, e.g.
/// <c>{"status":"Unhealthy","checks":{"redis":{"status":"Unhealthy","reason":"Redis does not answer ..."}}}</c>.
/// Reasons name settings and services, never a member or a message.
/// </summary>
internal static class HealthJson
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var checks = report.Entries.ToDictionary(
            e => e.Key,
            e => new { status = e.Value.Status.ToString(), reason = e.Value.Description ?? e.Value.Status.ToString() });
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString(), checks }));
    }
}
