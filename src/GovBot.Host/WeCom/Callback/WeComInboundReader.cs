using System.Globalization;
using GovBot.Data.Messaging;
using GovBot.Host.Turns;
using GovBot.Host.WeCom.Xml;
using GovBot.Skills.Conversation;

namespace GovBot.Host.WeCom.Callback;

/// <summary>Maps WeCom's message XML, as stored in the inbox, to the engine's channel-neutral message.</summary>
public sealed class WeComInboundReader : IInboundReader
{
    public IncomingMessage Read(InboxMessage row) => Map(WeComMessageParser.Parse(row.PayloadXml), row.ReceivedAt);

    public static IncomingMessage Map(WeComInboundMessage m, DateTimeOffset receivedAt)
    {
        var user = m.FromUserName;
        var message = m.MsgType switch
        {
            WeComMsgTypes.Text => new IncomingMessage(user, MessageKind.Text, receivedAt) { Text = m.Content },
            WeComMsgTypes.Image => new IncomingMessage(user, MessageKind.Image, receivedAt) { MediaId = m.MediaId, PicUrl = m.PicUrl },
            // With speech recognition on, WeCom hands us the words; that is as good as typing.
            WeComMsgTypes.Voice when !string.IsNullOrWhiteSpace(m.Recognition) =>
                new IncomingMessage(user, MessageKind.Text, receivedAt) { Text = m.Recognition },
            WeComMsgTypes.Voice => new IncomingMessage(user, MessageKind.Voice, receivedAt) { MediaId = m.MediaId },
            WeComMsgTypes.Video => new IncomingMessage(user, MessageKind.Video, receivedAt) { MediaId = m.MediaId },
            WeComMsgTypes.File => new IncomingMessage(user, MessageKind.File, receivedAt) { MediaId = m.MediaId },
            WeComMsgTypes.Location => new IncomingMessage(user, MessageKind.Location, receivedAt)
            {
                Location = new GeoPoint(m.LocationX ?? 0, m.LocationY ?? 0, m.Label),
            },
            WeComMsgTypes.Link => new IncomingMessage(user, MessageKind.Link, receivedAt) { Text = m.Title },
            WeComMsgTypes.Event => new IncomingMessage(user, MessageKind.Event, receivedAt)
            {
                EventName = m.Event,
                EventKey = m.EventKey,
                TaskId = m.TaskId,
                ResponseCode = m.ResponseCode,
                Location = m is { Latitude: { } lat, Longitude: { } lng } ? new GeoPoint(lat, lng, null) : null,
            },
            _ => new IncomingMessage(user, MessageKind.Other, receivedAt),
        };
        return message with { MessageId = m.MsgId ?? m.CreateTime.ToString(CultureInfo.InvariantCulture) };
    }
}
