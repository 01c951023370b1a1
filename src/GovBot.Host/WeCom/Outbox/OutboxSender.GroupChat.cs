using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Host.WeCom.Api;
using GovBot.Skills.Conversation;

namespace GovBot.Host.WeCom.Outbox;

/// <summary>
/// A row with a <see cref="OutboxMessage.ChatId"/> goes to that app-created group chat through appchat/send, with the
/// guarantees of every row: a transient failure keeps it Pending for a later try (never dropped), a refusal marks it
/// Failed with WeCom's reason for staff to see, and a long text's pieces resume where the last try stopped.
/// </summary>
public sealed partial class OutboxSender
{
    private async Task<bool> SendToChatAsync(GovBotDb db, IWeComApi api, OutboxMessage row, string chatId, ReplyPart part, CancellationToken ct)
    {
        var pieces = OutboxRenderer.Pieces(part);
        for (var p = OutboxProgress.BatchesDone(row.WeComMsgId); p < pieces.Count; p++)
        {
            // Group chats take text, not template cards: a card with buttons cannot go there at all.
            if (OutboxRenderer.RenderMessage(pieces[p], "", $"outbox-{row.Id}", 0) is not WeComTextMessage text)
                throw new OutboxRenderException("A group chat takes text only, not a card with buttons.");
            var piece = pieces.Count == 1 ? "group chat" : $"group chat piece {p + 1}/{pieces.Count}";
            var attempt = await TrySendAsync(() => api.SendAppChatAsync(new WeComAppChatMessage { ChatId = chatId, Text = text.Text }, ct));
            if (attempt.Result is not { } result || attempt.IsTransient)
            {
                await RetryLaterAsync(db, row, $"{piece}: {attempt.Error}");
                return false;
            }
            if (result.Kind != WeComErrorKind.Ok)
            {
                // A chat WeCom does not know, or a message it refuses, will not go through on a later try either.
                await FailAsync(db, row, $"{piece}: {Describe(result)}");
                return true;
            }
            // appchat/send names no msgid; the entry still records the piece as done, so a retry does not repeat it.
            row.WeComMsgId = OutboxProgress.Append(row.WeComMsgId, result.MsgId);
            row.NextAttemptAt = time.GetUtcNow() + Options.ClaimLease;
            await SaveAsync(db);
        }
        await MarkSentAsync(db, row, []);
        return true;
    }
}
