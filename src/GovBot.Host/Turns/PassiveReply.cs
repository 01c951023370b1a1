using System.Text;
using GovBot.Host.WeCom.Api;
using GovBot.Skills.Conversation;

namespace GovBot.Host.Turns;

/// <summary>
/// What may go back inside the callback's answer: one plain text within WeCom's text limit. A passive answer is a
/// single message, so a longer reply is pushed instead, where the outbox splits it into several.
/// </summary>
public static class PassiveReply
{
    public static bool Fits(Reply reply) =>
        reply.IsPlainText && !reply.IsEmpty && Encoding.UTF8.GetByteCount(reply.ToPlainText()) <= WeComTextMessage.MaxContentBytes;
}
