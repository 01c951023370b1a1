namespace GovBot.Emulator;

public sealed record EmulatorSendRequest(string? User, string? Text);

public sealed record EmulatorTapRequest(string? User, string? Key, string? TaskId);

public sealed record EmulatorLocationRequest(string? User, string? Label, double? Lat, double? Lng);

public sealed record EmulatorImageRequest(string? User);

/// <summary>A refusal the page shows as it is.</summary>
public sealed record EmulatorError(string Error);

/// <summary>
/// What the emulator page (and anyone scripting a demo) calls: who can chat, sending as them, tapping
/// card buttons, and reading their chat. Everything sent goes to the bot through the real callback.
/// </summary>
public static class EmulatorApi
{
    public const int MaxTextLength = 2000;
    public const int MaxLabelLength = 100;

    public static RouteGroupBuilder MapEmulatorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/emulator/api");
        api.MapGet("/users", async (EmulatorPeople people, CancellationToken ct) => Results.Ok(
            (await people.ListAsync(ct)).Select(p => new { p.Id, p.Name, p.Role, p.Label, p.Featured })));
        api.MapGet("/places", () => Results.Ok(EmulatorPlaces.All));
        api.MapGet("/messages", MessagesAsync);
        api.MapGet("/activity", (long? after, EmulatorChat chat) =>
        {
            var (users, last) = chat.Log.ReachedSince(Math.Max(after ?? 0, 0));
            return Results.Ok(new { Users = users, Last = last });
        });
        api.MapPost("/send", SendAsync);
        api.MapPost("/tap", TapAsync);
        api.MapPost("/location", LocationAsync);
        api.MapPost("/image", ImageAsync);
        api.MapPost("/voice", VoiceAsync);
        return api;
    }

    private static async Task<IResult> MessagesAsync(string? user, long? after, EmulatorPeople people, EmulatorChat chat, CancellationToken ct)
    {
        if (await CheckUserAsync(user, people, ct) is { } refused) return refused;
        return Results.Ok(chat.Log.Since(user!, Math.Max(after ?? 0, 0)));
    }

    private static async Task<IResult> SendAsync(EmulatorSendRequest request, EmulatorPeople people, EmulatorChat chat, CancellationToken ct)
    {
        if (await CheckUserAsync(request.User, people, ct) is { } refused) return refused;
        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text)) return Refuse("消息不能为空。");
        if (text.Length > MaxTextLength) return Refuse($"消息太长了，请不要超过{MaxTextLength}个字。");
        // The page's request ending early must not cut a message off halfway through the callback.
        await chat.SendTextAsync(request.User!, text, CancellationToken.None);
        return Sent();
    }

    private static async Task<IResult> TapAsync(EmulatorTapRequest request, EmulatorPeople people, EmulatorChat chat, CancellationToken ct)
    {
        if (await CheckUserAsync(request.User, people, ct) is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(request.Key) || string.IsNullOrWhiteSpace(request.TaskId)) return Refuse("没有说点的是哪张卡片的哪个按钮。");
        var why = await chat.TapAsync(request.User!, request.Key, request.TaskId, CancellationToken.None);
        return why is null ? Sent() : Refuse(why);
    }

    private static async Task<IResult> LocationAsync(EmulatorLocationRequest request, EmulatorPeople people, EmulatorChat chat, CancellationToken ct)
    {
        if (await CheckUserAsync(request.User, people, ct) is { } refused) return refused;
        var label = request.Label?.Trim();
        if (string.IsNullOrEmpty(label)) return Refuse("位置要有个名字，比如「清华苑一期北门」。");
        if (label.Length > MaxLabelLength) return Refuse($"位置名字太长了，请不要超过{MaxLabelLength}个字。");
        if (request.Lat is not (>= -90 and <= 90) || request.Lng is not (>= -180 and <= 180)) return Refuse("经纬度不对：纬度在 -90 到 90 之间，经度在 -180 到 180 之间。");
        await chat.SendLocationAsync(request.User!, new EmulatorPlace(label, request.Lat.Value, request.Lng.Value), CancellationToken.None);
        return Sent();
    }

    private static async Task<IResult> ImageAsync(EmulatorImageRequest request, EmulatorPeople people, EmulatorChat chat, CancellationToken ct)
    {
        if (await CheckUserAsync(request.User, people, ct) is { } refused) return refused;
        await chat.SendImageAsync(request.User!, CancellationToken.None);
        return Sent();
    }

    /// <summary>A short voice (<see cref="DemoVoice"/>): transcribed when AI:Speech is set, else the not-heard path shows.</summary>
    private static async Task<IResult> VoiceAsync(EmulatorImageRequest request, EmulatorPeople people, EmulatorChat chat, CancellationToken ct)
    {
        if (await CheckUserAsync(request.User, people, ct) is { } refused) return refused;
        await chat.SendVoiceAsync(request.User!, CancellationToken.None);
        return Sent();
    }

    private static async Task<IResult?> CheckUserAsync(string? user, EmulatorPeople people, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(user)) return Refuse("请先选一位用户。");
        return await people.ExistsAsync(user, ct) ? null : Refuse($"没有这位用户：{user}。");
    }

    /// <summary>The passive reply is in the chat by now; pushes follow, so the page polls for both.</summary>
    private static IResult Sent() => Results.Ok(new { Ok = true });

    private static IResult Refuse(string why) => Results.BadRequest(new EmulatorError(why));
}
