namespace GovBot.Skills.Conversation;

/// <summary>
/// What a turn produced. The dialog change is applied by the caller only after the turn's store
/// changes are committed, so a crash never leaves a dialog ahead of the data it describes.
/// </summary>
public sealed record TurnResult(string UserId, Reply Reply, DialogState? NextDialog, bool DialogChanged, string Intent, string? Skill)
{
    public Task ApplyDialogAsync(DialogStore dialogs, CancellationToken ct = default) =>
        !DialogChanged ? Task.CompletedTask
        : NextDialog is null ? dialogs.ClearAsync(UserId, ct)
        : dialogs.SaveAsync(UserId, NextDialog, ct);
}
