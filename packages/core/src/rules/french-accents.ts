/**
 * Words that catalogues and registers write in capitals without their accents (« PATISSIER »,
 * « METIERS », « ELECTRICITE »), with their French spelling. Only words whose accented form is
 * certain are listed (« CHARGE » is left alone: « chargé » or « prise en charge »); a word missing
 * here is shown without accents, never with a wrong one. Read by `displayLabel` (display-text.ts).
 */
const pairs =
  "ACADEMIE=académie ACTIVITE=activité ACTIVITES=activités AERONAUTIQUE=aéronautique AERONEF=aéronef " +
  "AERONEFS=aéronefs AGNES=agnès AGREE=agréé AGREEE=agréée AMENAGEMENT=aménagement " +
  "AMENAGEMENTS=aménagements ANDRE=andré ANNEE=année ANNEES=années APRES=après ARDECHE=ardèche " +
  "ARIEGE=ariège AUDIOPROTHESISTE=audioprothésiste AUTOMATISEE=automatisée AUTOMATISES=automatisés " +
  "BACCALAUREAT=baccalauréat BATIMENT=bâtiment BATIMENTS=bâtiments BATISSEUR=bâtisseur " +
  "BATISSEURS=bâtisseurs BESANCON=besançon BEZIERS=béziers BIEN-ETRE=bien-être BUCHERON=bûcheron " +
  "BUCHERONNAGE=bûcheronnage CABLAGE=câblage CABLES=câbles CABLEUR=câbleur CAFE=café " +
  "CAFETERIA=cafétéria CARRIERE=carrière CARRIERES=carrières CECILE=cécile CERAMIQUE=céramique " +
  "CERAMISTE=céramiste CHAINE=chaîne CHAINES=chaînes CHARGEE=chargée CHATEAU=château CHATEAUX=châteaux " +
  "CHENE=chêne CHENES=chênes CINEMA=cinéma CLEMENCEAU=clémenceau CLOTURE=clôture CLOTURES=clôtures " +
  "COLLECTIVITE=collectivité COLLECTIVITES=collectivités COMPETENCE=compétence COMPETENCES=compétences " +
  "COMPETENT=compétent COMPLEMENTAIRE=complémentaire COMPLEMENTAIRES=complémentaires " +
  "COMPTABILITE=comptabilité CONTROLE=contrôle CONTROLEUR=contrôleur CONTROLEUSE=contrôleuse " +
  "COOPERATIVE=coopérative CORREZE=corrèze COSMETIQUE=cosmétique CREATEUR=créateur CREATION=création " +
  "CREATRICE=créatrice CRECHE=crèche CREMERIE=crémerie CREMIER=crémier CREMIERE=crémière " +
  "CREPERIE=crêperie CREPIER=crêpier CRETEIL=créteil CYBERSECURITE=cybersécurité DECHETS=déchets " +
  "DECORATEUR=décorateur DECORATION=décoration DECORATRICE=décoratrice DEFENSE=défense DEMO=démo " +
  "DEMOLITION=démolition DEPANNAGE=dépannage DEPANNEUR=dépanneur DEPARTEMENT=département " +
  "DEPARTEMENTAL=départemental DEPLOIEMENT=déploiement DETAIL=détail DEUXIEME=deuxième " +
  "DEVELOPPEMENT=développement DEVELOPPEUR=développeur DIETETICIEN=diététicien DIETETIQUE=diététique " +
  "DIPLOME=diplôme DONNEES=données DROME=drôme EBENISTE=ébéniste EBENISTERIE=ébénisterie " +
  "ECHANGE=échange ECHANGES=échanges ECLUSE=écluse ECOLE=école ECONOMAT=économat ECONOMIE=économie " +
  "ECONOMIQUE=économique ECONOMISTE=économiste ECRIT=écrit ECRITE=écrite EDITEUR=éditeur " +
  "EDITION=édition EDOUARD=édouard EDUCATEUR=éducateur EDUCATIF=éducatif EDUCATION=éducation " +
  "EDUCATIVE=éducative EDUCATRICE=éducatrice EGLISE=église ELECTRICIEN=électricien " +
  "ELECTRICIENNE=électricienne ELECTRICITE=électricité ELECTRIQUE=électrique ELECTRIQUES=électriques " +
  "ELECTROMECANIQUE=électromécanique ELECTROMENAGER=électroménager ELECTRONIQUE=électronique " +
  "ELECTRONIQUES=électroniques ELECTROTECHNIQUE=électrotechnique ELEMENTAIRE=élémentaire " +
  "ELEVAGE=élevage EMILE=émile EMPLOYE=employé EMPLOYEE=employée ENERGETIQUE=énergétique " +
  "ENERGIE=énergie ENERGIES=énergies ENTITE=entité ENTREPOT=entrepôt EPICERIE=épicerie EQUIN=équin " +
  "EQUINE=équine EQUINS=équins EQUIPE=équipe EQUIPEMENT=équipement EQUIPEMENTS=équipements " +
  "EQUITATION=équitation ERABLES=érables ESTHETICIEN=esthéticien ESTHETICIENNE=esthéticienne " +
  "ESTHETIQUE=esthétique ETABLISSEMENT=établissement ETABLISSEMENTS=établissements ETAGE=étage " +
  "ETAGES=étages ETAIN=étain ETALAGISTE=étalagiste ETANCHEITE=étanchéité ETANG=étang ETANGS=étangs " +
  "ETAT=état ETIENNE=étienne ETRANGER=étranger ETRANGERE=étrangère ETRANGERES=étrangères ETRE=être " +
  "ETUDE=étude ETUDES=études ETUDIANT=étudiant ETUDIANTE=étudiante EUROPEEN=européen " +
  "EUROPEENNE=européenne EUROPEENS=européens EVALUATION=évaluation EVENEMENTIEL=événementiel EVRY=évry " +
  "EXPERIENCE=expérience EXTERIEUR=extérieur EXTERIEURE=extérieure EXTERIEURS=extérieurs FACADE=façade " +
  "FACADES=façades FEDERAL=fédéral FEDERATION=fédération FENETRE=fenêtre FENETRES=fenêtres " +
  "FINISTERE=finistère FORET=forêt FORETS=forêts FRANCAIS=français FRANCAISE=française " +
  "FREDERIC=frédéric FRERE=frère FRERES=frères GENERAL=général GENERALE=générale " +
  "GENERALISTE=généraliste GENERAUX=généraux GENIE=génie GEOMATIQUE=géomatique GEOMETRE=géomètre " +
  "GERANT=gérant GERANTE=gérante GERARD=gérard GUERANDE=guérande HEBERGEMENT=hébergement HELENE=hélène " +
  "HERAULT=hérault HONORE=honoré HOPITAL=hôpital HOSPITALIERE=hospitalière HOTE=hôte HOTEL=hôtel " +
  "HOTELIER=hôtelier HOTELIERE=hôtelière HOTELLERIE=hôtellerie HOTESSE=hôtesse HYGIENE=hygiène " +
  "IMMOBILIERE=immobilière INTEGRATEUR=intégrateur INTERIEUR=intérieur INTERIEURE=intérieure " +
  "INTERIEURS=intérieurs INTERIM=intérim INTERIMAIRE=intérimaire ISERE=isère JEROME=jérôme JOEL=joël " +
  "LEGER=léger LEGERE=légère LEON=léon LIEVRE=lièvre LOZERE=lozère LUMIERE=lumière LYCEE=lycée " +
  "MACON=maçon MACONNERIE=maçonnerie MAITRE=maître MAITRISE=maîtrise MARAICHAGE=maraîchage " +
  "MATERIAUX=matériaux MATERIEL=matériel MATERIELS=matériels MATIERE=matière MATIERES=matières " +
  "MECANICIEN=mécanicien MECANICIENNE=mécanicienne MECANIQUE=mécanique MECANIQUES=mécaniques " +
  "MECATRONIQUE=mécatronique MEDECINE=médecine MEDIATEUR=médiateur MEDIATION=médiation MEDICAL=médical " +
  "MEDICALE=médicale MEDICO=médico MENAGE=ménage MENAGER=ménager MENAGERE=ménagère MENAGERS=ménagers " +
  "MERE=mère METALLERIE=métallerie METALLIQUE=métallique METALLIQUES=métalliques METAUX=métaux " +
  "METIER=métier METIERS=métiers METREUR=métreur METROPOLE=métropole METROPOLITAIN=métropolitain " +
  "MICHELE=michèle MODELE=modèle MULTIMEDIA=multimédia MURIERS=mûriers MUSEE=musée MUTUALITE=mutualité " +
  "NEGOCIATION=négociation NIEVRE=nièvre NIMES=nîmes NOEL=noël NUMERIQUE=numérique OENOLOGIE=œnologie " +
  "OEUVRE=œuvre OPERATEUR=opérateur OPERATIONS=opérations OPERATRICE=opératrice ORLEANS=orléans " +
  "ORTHOPROTHESISTE=orthoprothésiste PAQUERETTES=pâquerettes PATISSERIE=pâtisserie " +
  "PATISSERIES=pâtisseries PATISSIER=pâtissier PATISSIERE=pâtissière PECHE=pêche PEDICURE=pédicure " +
  "PEPINIERE=pépinière PEPINIERES=pépinières PERE=père PERIGUEUX=périgueux PERISCOLAIRE=périscolaire " +
  "PLATRERIE=plâtrerie PLATRIER=plâtrier POLE=pôle PRECIEUX=précieux PRECISION=précision " +
  "PREMIERE=première PREMIERES=premières PREPARATEUR=préparateur PREPARATION=préparation " +
  "PREPARATRICE=préparatrice PREVENTION=prévention PROCEDE=procédé PROCEDES=procédés PROPRETE=propreté " +
  "PROPRIETE=propriété PROTHESISTE=prothésiste PUBLICITE=publicité PYRENEES=pyrénées QUALIFIE=qualifié " +
  "QUALIFIEE=qualifiée QUALITE=qualité REALISATEUR=réalisateur REALISATION=réalisation " +
  "RECEPTION=réception RECEPTIONNISTE=réceptionniste REFERENT=référent REFERENTE=référente REGIE=régie " +
  "REGION=région REGIONAL=régional REGIONALE=régionale REGISSEUR=régisseur REGULATION=régulation " +
  "RENE=rené RENOVATION=rénovation REPARATEUR=réparateur REPARATION=réparation RESEAU=réseau " +
  "RESEAUX=réseaux RESIDENTIEL=résidentiel RESIDENTIELLE=résidentielle REVETEMENT=revêtement " +
  "REVETEMENTS=revêtements RHONE=rhône RIVIERE=rivière SAINT-ETIENNE=saint-étienne " +
  "SAINTE-THERESE=sainte-thérèse SANTE=santé SCENE=scène SCOLARITE=scolarité SECRETAIRE=secrétaire " +
  "SECRETARIAT=secrétariat SECURITE=sécurité SELECTION=sélection SETE=sète SEVRES=sèvres " +
  "SIGNALETIQUE=signalétique SOCIETE=société SOCIETES=sociétés SPECIALISE=spécialisé " +
  "SPECIALISEE=spécialisée SPECIALISEES=spécialisées SPECIALISES=spécialisés SPECIALISTE=spécialiste " +
  "SPECIALITE=spécialité SUPERIEUR=supérieur SUPERIEURE=supérieure SUPERIEURES=supérieures " +
  "SUPERIEURS=supérieurs SYSTEME=système SYSTEMES=systèmes TELE=télé " +
  "TELECOMMUNICATIONS=télécommunications TELEPHONIE=téléphonie THEATRE=théâtre THERAPEUTE=thérapeute " +
  "THERESE=thérèse TOLERIE=tôlerie TOLIER=tôlier TRES=très TROISIEME=troisième UNIVERSITE=université " +
  "VALERIE=valérie VEGETAL=végétal VEGETALE=végétale VEGETAUX=végétaux VEHICULE=véhicule " +
  "VEHICULES=véhicules VENDEE=vendée VENISSIEUX=vénissieux VERANDA=véranda VETEMENT=vêtement " +
  "VETEMENTS=vêtements VETERINAIRE=vétérinaire VIDEO=vidéo " +
  "BOULANGERE=boulangère CUISINIERE=cuisinière OPERATIONNEL=opérationnel OPERATIONNELLE=opérationnelle GENERALES=générales DIPLOMES=diplômes ASSOCIE=associé ASSOCIES=associés CERTIFIE=certifié CERTIFIEE=certifiée PROTHESE=prothèse REFERENCE=référence MEDICAUX=médicaux PARAMEDICAL=paramédical CONNECTE=connecté CONNECTES=connectés ELEVES=élèves ENERGETIQUES=énergétiques";

/** Upper case without accents → lower case with accents. */
export const accentedWords: ReadonlyMap<string, string> = new Map(
  pairs
    .trim()
    .split(/\s+/)
    .map((pair) => pair.split("=") as [string, string]),
);
