using System.Security.Cryptography;
using MynaPlatform.MynaCard.Card;
using MynaPlatform.MynaDemo.Catalog;

namespace MynaPlatform.MynaDemo.Seeding;

/// <summary>The demo resident's card, its login PIN and the day it was issued, from which every demo date derives.</summary>
public sealed record DemoResident(string CardPath, string Pin, DateOnly IssuedOn)
{
    /// <summary>Reads the individual number printed on the card, which agencies present to enroll the resident.</summary>
    public string ReadIndividualNumber() => CardStore.Load(CardPath).IndividualNumber;
}

/// <summary>Issues the demo resident's card once and logs the resident in with it.</summary>
public sealed class ResidentSeeding(DemoSettings settings, DemoState state, CardTool card, DemoText text, TextWriter progress)
{
    private const string SignaturePinCharacters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>
    /// Returns the card of an earlier run, or issues one. The PINs are saved before the card, so a
    /// card file left by an interrupted run is never without its PIN.
    /// </summary>
    public async Task<DemoResident> EnsureCardAsync(CancellationToken cancellationToken)
    {
        var pin = state.Get(DemoState.PinKey);
        var signaturePin = state.Get(DemoState.SignaturePinKey);
        var cardExists = File.Exists(settings.CardPath);
        if (cardExists && (pin is null || signaturePin is null))
        {
            throw new DemoException(text.Pick(
                $"カードファイル {settings.CardPath} がありますが、{settings.EnvFilePath} に暗証番号 ({DemoState.PinKey}) がありません。カードファイルを削除してから再実行してください。",
                $"The card file {settings.CardPath} exists, but {settings.EnvFilePath} has no PIN ({DemoState.PinKey}). Delete the card file and run again."));
        }

        if (pin is null || signaturePin is null)
        {
            pin = RandomNumberGenerator.GetInt32(10_000).ToString("D4");
            signaturePin = RandomNumberGenerator.GetString(SignaturePinCharacters, 8);
            state.Set(new Dictionary<string, string> { [DemoState.PinKey] = pin, [DemoState.SignaturePinKey] = signaturePin });
        }

        if (cardExists)
        {
            progress.WriteLine(text.Pick($"住民のカード: 作成済みのカードを使います ({settings.CardPath})", $"Resident's card: using the existing card ({settings.CardPath})"));
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(settings.CardPath)!);
            await card.RunAsync(
            [
                "issue", "--out", settings.CardPath, "--pin", pin, "--sign-pin", signaturePin,
                "--name", DemoResidentProfile.Name, "--address", DemoResidentProfile.Address,
                "--birth-date", DemoResidentProfile.BirthDate, "--sex", DemoResidentProfile.Sex,
            ], cancellationToken);
            progress.WriteLine(text.Pick($"住民のカード: {DemoResidentProfile.Name} さんのカードを発行しました ({settings.CardPath})",
                $"Resident's card: issued the card of {DemoResidentProfile.Name} ({settings.CardPath})"));
        }

        state.Set(new Dictionary<string, string> { [DemoState.CardKey] = settings.CardPath });
        var issuedAt = CardStore.Load(settings.CardPath).IssuedAt.ToOffset(TimeSpan.FromHours(9));
        return new DemoResident(settings.CardPath, pin, DateOnly.FromDateTime(issuedAt.DateTime));
    }

    /// <summary>Logs the resident in with the card (the first login creates the account) and returns the access token.</summary>
    public async Task<string> LoginAsync(DemoResident resident, CancellationToken cancellationToken)
    {
        var output = await card.RunAsync(["login", "--card", resident.CardPath, "--pin", resident.Pin], cancellationToken);
        return output.TrimEnd().Split('\n')[^1].Trim();
    }
}
