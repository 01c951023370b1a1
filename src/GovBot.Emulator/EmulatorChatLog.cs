namespace GovBot.Emulator;

/// <summary>
/// Every user's chat in the emulator: what they sent, the passive replies, and what the stand-in of WeCom's
/// API accepted for them (pushes, cards, card updates). The stand-in's calls are read in on every access,
/// oldest first, so nothing it recorded is missed and the entries keep the order WeCom would show.
/// </summary>
public sealed class EmulatorChatLog(EmulatorStandIn standIn, TimeProvider time)
{
    private const string SendEndpoint = "message/send";
    private const string UpdateEndpoint = "message/update_template_card";

    private readonly Lock _gate = new();
    private readonly List<ChatEntry> _entries = [];
    /// <summary>Where each user's copy of a card sits in <see cref="_entries"/>, to grey it out on update.</summary>
    private readonly Dictionary<(string User, string TaskId), int> _cards = [];
    private readonly Dictionary<string, List<string>> _cardRecipients = [];
    /// <summary>An update names only a response_code; this says which card that code belongs to.</summary>
    private readonly Dictionary<string, string> _taskOfCode = [];
    private long _seq;
    private long _lastCall;

    /// <summary>Adds a line the user sent or a passive reply; returns it with its sequence number.</summary>
    public ChatEntry Add(string user, string from, string type, string text, string? imageUrl = null)
    {
        lock (_gate)
        {
            ReadStandInLocked();
            return AppendLocked(new ChatEntry(0, user, from, type, time.GetUtcNow()) { Text = text, ImageUrl = imageUrl });
        }
    }

    /// <summary>The user's entries after sequence number <paramref name="after"/>.</summary>
    public ChatPage Since(string user, long after)
    {
        lock (_gate)
        {
            ReadStandInLocked();
            var entries = _entries.Where(e => e.Seq > after && e.User == user).ToList();
            return new ChatPage(entries, _seq);
        }
    }

    /// <summary>Who got something from the bot after <paramref name="after"/>: the page marks them in its user picker.</summary>
    public (IReadOnlyList<string> Users, long Last) ReachedSince(long after)
    {
        lock (_gate)
        {
            ReadStandInLocked();
            var users = _entries.Where(e => e.Seq > after && e.From == ChatFrom.Bot).Select(e => e.User).Distinct().ToList();
            return (users, _seq);
        }
    }

    /// <summary>The user's copy of the card with this task id, as it is now; null when they never got it.</summary>
    public ChatCard? FindCard(string user, string taskId)
    {
        lock (_gate)
        {
            ReadStandInLocked();
            return _cards.TryGetValue((user, taskId), out var at) ? _entries[at].Card : null;
        }
    }

    /// <summary>The newest card with buttons the user got, with its task id; what a terminal "#1" taps.</summary>
    public (string TaskId, ChatCard Card)? NewestButtonCard(string user)
    {
        lock (_gate)
        {
            ReadStandInLocked();
            for (var i = _entries.Count - 1; i >= 0; i--)
            {
                var e = _entries[i];
                if (e.User == user && e.Type == ChatTypes.Card && e.TaskId is { } taskId && e.Card is { Buttons.Count: > 0 } card)
                    return (taskId, card);
            }
            return null;
        }
    }

    /// <summary>Everyone who got a copy of the card: WeCom greys out all of them on an update with atall.</summary>
    public IReadOnlyList<string> CardRecipients(string taskId)
    {
        lock (_gate)
        {
            ReadStandInLocked();
            return _cardRecipients.TryGetValue(taskId, out var users) ? users.ToList() : [];
        }
    }

    /// <summary>Remembers the response code a tap carried, so the update that spends it finds its card.</summary>
    public void NoteResponseCode(string responseCode, string taskId)
    {
        lock (_gate) _taskOfCode[responseCode] = taskId;
    }

    private void ReadStandInLocked()
    {
        // Before the stand-in runs nothing can have been sent, and touching it here must not start it.
        if (!standIn.IsStarted) return;
        foreach (var call in standIn.Instance.Calls)
        {
            if (call.Sequence <= _lastCall) continue;
            _lastCall = call.Sequence;
            if (call.Endpoint == SendEndpoint) ApplySendLocked(call);
            else if (call.Endpoint is "kf/send_msg" or "kf/send_msg_on_event") ApplyKfSendLocked(call);
            else if (call.Endpoint == UpdateEndpoint) ApplyUpdateLocked(call);
        }
    }

    private void ApplySendLocked(WeComApiCall call)
    {
        var shown = StandInCallReader.FromSend(call);
        if (shown.TaskId is { } taskId && call.ResponseCode is { } code) _taskOfCode[code] = taskId;
        foreach (var user in call.Recipients)
        {
            var entry = AppendLocked(shown with { User = user });
            if (entry.Type != ChatTypes.Card || entry.TaskId is null) continue;
            _cards[(user, entry.TaskId)] = _entries.Count - 1;
            if (!_cardRecipients.TryGetValue(entry.TaskId, out var users)) _cardRecipients[entry.TaskId] = users = [];
            if (!users.Contains(user)) users.Add(user);
        }
    }

    /// <summary>
    /// A message to a WeChat user (微信客服), shown in the chat of their identity "kf:…": a menu is drawn as a card
    /// whose buttons are its items, keyed by the message's msgid so a tap finds it.
    /// </summary>
    private void ApplyKfSendLocked(WeComApiCall call)
    {
        var items = WeComApiStandIn.KfMenuItems(call);
        var entry = new ChatEntry(0, "", ChatFrom.Bot, ChatTypes.Text, call.ReceivedAt) { Text = WeComApiStandIn.KfText(call) };
        if (items.Count > 0 && call.Body.GetProperty("msgmenu").TryGetProperty("head_content", out var head))
            entry = entry with
            {
                Type = ChatTypes.Card, TaskId = call.MsgId, Text = null,
                Card = new ChatCard(head.GetString() ?? "", null, [.. items.Select(i => new ChatButton(i.Id, i.Content, false))]),
            };
        foreach (var externalUserId in call.Recipients)
        {
            var user = GovBot.Data.CustomerService.ExternalUser.IdentityOf(externalUserId);
            var added = AppendLocked(entry with { User = user });
            if (added.Type == ChatTypes.Card && added.TaskId is { } taskId) _cards[(user, taskId)] = _entries.Count - 1;
        }
    }

    private void ApplyUpdateLocked(WeComApiCall call)
    {
        if (call.ResponseCode is null || !_taskOfCode.TryGetValue(call.ResponseCode, out var taskId)) return;
        var label = StandInCallReader.ReplacementText(call);
        foreach (var user in call.Recipients)
        {
            if (!_cards.TryGetValue((user, taskId), out var at)) continue;
            var card = _entries[at];
            _entries[at] = card with { Card = card.Card! with { ReplacedWith = label } };
            AppendLocked(new ChatEntry(0, user, ChatFrom.Bot, ChatTypes.CardUpdate, call.ReceivedAt) { TaskId = taskId, Text = label });
        }
    }

    private ChatEntry AppendLocked(ChatEntry entry)
    {
        var numbered = entry with { Seq = ++_seq };
        _entries.Add(numbered);
        return numbered;
    }
}
