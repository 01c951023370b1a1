using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovBot.Data.Seeding;
using GovBot.Host.CheckIns;
using GovBot.Host.Tests.EndToEnd;

namespace GovBot.Host.Tests.Services;

/// <summary>Staff check a booked resident in over HTTP; only staff of the community may.</summary>
public sealed class BookingApiTests
{
    [Fact]
    public async Task Staff_check_in_a_booking_by_code_and_nobody_else_can()
    {
        await using var bot = await BotHost.StartAsync();
        await bot.SayAsync(DemoUsers.Resident, "预约理发");
        await bot.SayAsync(DemoUsers.Resident, "1");
        Assert.Contains("Y1001", await bot.SayAsync(DemoUsers.Resident, "是"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(bot, "api/services/bookings/Y1001/checkin", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(bot, "api/services/bookings/Y1001/checkin", DemoUsers.Resident)).StatusCode);

        using var done = await PostAsync(bot, "api/services/bookings/Y1001/checkin", DemoUsers.Staff);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("张丽", (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(bot, "api/services/bookings/Y1001/checkin", DemoUsers.Staff)).StatusCode);
        Assert.Contains("已到场", await bot.SayAsync(DemoUsers.Resident, "我的预约"));
    }

    private static async Task<HttpResponseMessage> PostAsync(BotHost bot, string path, string? staff)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (staff is not null) request.Headers.Add(CheckInsApi.StaffHeader, staff);
        return await bot.Http.SendAsync(request);
    }
}
