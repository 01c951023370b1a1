using GovBot.Data;
using GovBot.Host.CheckIns;
using GovBot.Host.Emulator;
using GovBot.Host.Health;
using GovBot.Host.Nlu;
using GovBot.Host.Open311;
using GovBot.Host.Reminders;
using GovBot.Host.Reports;
using GovBot.Host.WeCom.Callback;
using GovBot.Host.WeCom.Outbox;
using GovBot.Skills.CheckIns;
using GovBot.Skills.Conversation;
using GovBot.Skills.Nlu;
using GovBot.Skills.Reports;
using GovBot.Skills.State;

// "chat --user <id>": the same host, with a chat on the terminal instead of waiting for a browser.
var chat = TerminalChat.FromArgs(args);
var builder = WebApplication.CreateBuilder(chat?.HostArgs ?? args);

builder.AddGovBotData();
builder.AddGovBotState();
builder.AddGovBotNlu();
builder.AddGovBotConversation();
builder.AddGovBotReports();
builder.AddGovBotCheckIns();
builder.AddWeComOutbound();
builder.AddReportBackgroundWork();
builder.AddReminders();
builder.AddWeComCallback();
builder.AddOpen311();
builder.AddWeComEmulator();
builder.AddGovBotHealth();

var app = builder.Build();

app.MapWeComCallback();
app.MapNluApi();
app.MapOpen311();
app.MapCheckInsApi();
app.MapRemindersApi();
app.MapGovBotHealth();
app.MapWeComEmulator();

if (chat is not null) return await chat.RunAsync(app);
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
