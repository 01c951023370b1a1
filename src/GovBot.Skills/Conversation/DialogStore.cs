using System.Text.Json;
using GovBot.Skills.State;
using Microsoft.Extensions.Options;

namespace GovBot.Skills.Conversation;

public sealed class DialogOptions
{
    /// <summary>A dialog left alone this long is forgotten.</summary>
    public TimeSpan IdleExpiry { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>One JSON document per user in the shared state store, expiring when idle.</summary>
public sealed class DialogStore(IStateStore state, IOptions<DialogOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<DialogState?> GetAsync(string userId, CancellationToken ct = default)
    {
        var json = await state.GetAsync(Key(userId), ct);
        if (json is null) return null;
        try
        {
            return JsonSerializer.Deserialize<DialogState>(json, Json);
        }
        catch (JsonException)
        {
            // A dialog written by an older version we cannot read is better dropped than crashing every turn.
            await state.RemoveAsync(Key(userId), ct);
            return null;
        }
    }

    public Task SaveAsync(string userId, DialogState dialog, CancellationToken ct = default) =>
        state.SetAsync(Key(userId), JsonSerializer.Serialize(dialog, Json), options.Value.IdleExpiry, ct);

    public Task ClearAsync(string userId, CancellationToken ct = default) => state.RemoveAsync(Key(userId), ct);

    private static string Key(string userId) => "dialog:" + userId;
}
