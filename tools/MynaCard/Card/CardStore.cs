using System.Text.Json;
using MynaPlatform.Jpki;

namespace MynaPlatform.MynaCard.Card;

/// <summary>Reads and writes card files; every write replaces the file atomically.</summary>
public static class CardStore
{
    public static CardFile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new CardException(JpkiReasonCodes.CardFileNotFound, path);
        }

        try
        {
            var card = JsonSerializer.Deserialize<CardFile>(File.ReadAllBytes(path), CardFile.JsonOptions);
            if (card?.Format != CardFile.CurrentFormat)
            {
                throw new CardException(JpkiReasonCodes.CardFileInvalid, path);
            }

            return card;
        }
        catch (JsonException exception)
        {
            throw new CardException(JpkiReasonCodes.CardFileInvalid, path, inner: exception);
        }
    }

    public static void Save(string path, CardFile card)
    {
        try
        {
            AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(card, CardFile.JsonOptions));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CardException(JpkiReasonCodes.CardFileWriteFailed, path, inner: exception);
        }
    }
}
