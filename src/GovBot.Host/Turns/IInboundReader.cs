using GovBot.Data.Messaging;
using GovBot.Skills.Conversation;

namespace GovBot.Host.Turns;

/// <summary>Turns a stored inbox row back into the channel-neutral message the engine understands.</summary>
public interface IInboundReader
{
    IncomingMessage Read(InboxMessage row);
}
