using System.Security.Cryptography;
using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Data.People;
using GovBot.Host.WeCom.Api;
using GovBot.Skills.Conversation;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.GroupChats;

/// <summary>
/// A grid's WeCom group chat: created through appchat/create (the grid's workers plus the members staff chose), and
/// announcements to it queued in the outbox as a row with <see cref="OutboxMessage.ChatId"/>, so they get every
/// guarantee of a push: stored with the staff member's action, retried on transient errors, never dropped, failures kept.
/// </summary>
public sealed class GridGroupChats(GovBotDb db, IWeComApi wecom, TimeProvider time, IOutboxSignal signal, ILogger<GridGroupChats> logger)
{
    /// <summary>What a create came to: the chat, or why not (shown to staff, Chinese).</summary>
    public sealed record Created(GroupChat? Chat, string? Refusal);

    public async Task<Created> CreateAsync(int gridId, string name, IReadOnlyList<int> chosen, Person by, CancellationToken ct)
    {
        if (await db.GroupChats.AnyAsync(c => c.GridId == gridId, ct)) return new(null, "这个网格已经有群聊了。");
        var workers = await db.GridWorkers.Where(w => w.GridId == gridId).OrderBy(w => w.PersonId)
            .Select(w => w.Person!.WeComUserId).ToListAsync(ct);
        var others = await db.People.Where(p => chosen.Contains(p.Id) && p.LeftAt == null).Select(p => p.WeComUserId).ToListAsync(ct);
        var members = workers.Concat(others).Where(u => u.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (members.Count < 2) return new(null, "群聊至少要两个人：请再选几位成员。");
        if (members.Count > WeComAppChatCreate.MaxMembers) return new(null, $"群聊最多 {WeComAppChatCreate.MaxMembers} 人。");
        // Chosen here, not by WeCom: letters and digits, unguessable, and the same if this create is tried again.
        var chatId = "grid" + gridId + "x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        WeComAppChatCreateResult result;
        try
        {
            result = await wecom.CreateAppChatAsync(new WeComAppChatCreate { Name = name, Owner = workers.FirstOrDefault(), UserList = members, ChatId = chatId }, ct);
        }
        catch (WeComTransientException e)
        {
            logger.LogWarning("appchat/create for grid {GridId} got no answer: {Error}", gridId, e.Message);
            return new(null, "企业微信暂时连不上，群聊没有建成，请稍后再试。");
        }
        if (!result.IsOk)
        {
            logger.LogWarning("appchat/create for grid {GridId} refused: errcode {ErrCode} {ErrMsg}", gridId, result.ErrCode, result.ErrMsg);
            return new(null, $"企业微信没有建成群聊（错误码 {result.ErrCode}），请检查成员是否都在通讯录里。");
        }
        var chat = new GroupChat
        {
            GridId = gridId, ChatId = result.ChatId is { Length: > 0 } id ? id : chatId, Name = name,
            Members = string.Join('|', members), CreatedAt = time.GetUtcNow(), CreatedById = by.Id,
        };
        db.GroupChats.Add(chat);
        await db.SaveChangesAsync(ct);
        return new(chat, null);
    }

    /// <summary>
    /// Queues the announcement for the grid's chat; <paramref name="formKey"/> (rendered into the form) makes a form
    /// sent twice one announcement. Null when it was already queued.
    /// </summary>
    public async Task<OutboxMessage?> AnnounceAsync(GroupChat chat, string text, string formKey, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var row = await db.EnqueueChatPushAsync(chat.ChatId, new TextPart(text), $"chat:{chat.ChatId}:{formKey}", now, ct);
        if (row is null) return null;
        await db.SaveChangesAsync(ct);
        signal.Signal();
        return row;
    }
}
