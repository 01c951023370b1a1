using System.Globalization;
using GovBot.Data.People;

namespace GovBot.Skills.Handoff;

/// <summary>
/// One message passed on to a person: whose it is and when it arrived. Nothing about a handoff is stored in a table of
/// its own; everything hangs off keys made from these two numbers: the card's button key, the outbox rows' source keys
/// (the card, the answer, the greyed-out card) and the card's WeCom task id. The outbox is the record.
/// </summary>
public readonly record struct HandoffTicket(int ResidentId, long Stamp)
{
    private const string ReplyAction = "reply";

    /// <summary>The arrival time comes from the stored inbox row, so a turn run again after a failed commit makes the same ticket.</summary>
    public static HandoffTicket For(Person resident, DateTimeOffset receivedAt) => new(resident.Id, receivedAt.ToUnixTimeMilliseconds());

    /// <summary>The 回复 button's action, after "handoff-answer:".</summary>
    public string Action => $"{ReplyAction}:{ResidentId}:{Stamp}";

    /// <summary>Every outbox row of this handoff has a source key starting with this.</summary>
    public string KeyPrefix => $"{ResidentPrefix(ResidentId)}{Stamp}:";

    public string CardKey => KeyPrefix + "card";

    /// <summary>The whole message, when it is too long for the card.</summary>
    public string FullTextKey => KeyPrefix + "full";

    /// <summary>Answer rows carry the answerer: the row itself says who answered, and a second answer finds it.</summary>
    public string AnswerPrefix => KeyPrefix + "answer:";

    public string AnswerKey(int answererId) => AnswerPrefix + answererId.ToString(CultureInfo.InvariantCulture);

    public string CardClosedKey => KeyPrefix + "answered";

    /// <summary>WeCom's task_id: letters, digits and "_-@" only.</summary>
    public string TaskId => $"handoff-{ResidentId}-{Stamp}";

    /// <summary>Every handoff row of one resident starts with this (the flood guard looks here).</summary>
    public static string ResidentPrefix(int residentId) => $"handoff:{residentId.ToString(CultureInfo.InvariantCulture)}:";

    public static HandoffTicket? Parse(string? action)
    {
        var parts = action?.Split(':');
        return parts is [ReplyAction, var resident, var stamp]
            && int.TryParse(resident, NumberStyles.None, CultureInfo.InvariantCulture, out var r)
            && long.TryParse(stamp, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            ? new HandoffTicket(r, s)
            : null;
    }

    /// <summary>The answerer's person id from an answer row's key, or null when the key is not one.</summary>
    public int? AnswererIn(string? sourceKey) =>
        sourceKey is not null && sourceKey.StartsWith(AnswerPrefix, StringComparison.Ordinal)
        && int.TryParse(sourceKey.AsSpan(AnswerPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}
